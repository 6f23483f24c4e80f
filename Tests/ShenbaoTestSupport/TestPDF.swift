import Foundation

/// Hand-written PDFs for tests: a text page (an attachment that is no book) and image-only pages (a scan).
public enum TestPDF {
    /// One A4 page showing `line` in Helvetica.
    public static func text(_ line: String) -> Data {
        let content = "BT /F1 14 Tf 72 760 Td (\(line)) Tj ET"
        return build([
            Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
            Data("<< /Type /Pages /Kids [3 0 R] /Count 1 >>".utf8),
            Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>".utf8),
            Data("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".utf8),
            stream(Data(content.utf8)),
        ])
    }

    /// One page per JPEG, each image filling its page at `dpi` (grey or colour as the JPEG is).
    public static func images(_ jpegs: [Data], dpi: Double) throws -> Data {
        var objects = [Data("<< /Type /Catalog /Pages 2 0 R >>".utf8),
                       Data("<< /Type /Pages /Kids [\((0..<jpegs.count).map { "\(3 + 3 * $0) 0 R" }.joined(separator: " "))] /Count \(jpegs.count) >>".utf8)]
        for (index, jpeg) in jpegs.enumerated() {
            guard let size = JPEG.dimensions(jpeg) else { throw StampedScans.Failure("not a JPEG") }
            let width = Double(size.width) * 72 / dpi, height = Double(size.height) * 72 / dpi
            let first = 3 + 3 * index
            objects.append(Data("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 \(width) \(height)] /Contents \(first + 1) 0 R /Resources << /XObject << /Im0 \(first + 2) 0 R >> >> >>".utf8))
            objects.append(stream(Data("q \(width) 0 0 \(height) 0 0 cm /Im0 Do Q".utf8)))
            let space = size.components == 1 ? "/DeviceGray" : "/DeviceRGB"
            objects.append(stream(jpeg, dictionary: "/Type /XObject /Subtype /Image /Width \(size.width) /Height \(size.height) /ColorSpace \(space) /BitsPerComponent 8 /Filter /DCTDecode"))
        }
        return build(objects)
    }

    public static func stream(_ data: Data, dictionary: String = "") -> Data {
        Data("<< \(dictionary) /Length \(data.count) >>\nstream\n".utf8) + data + Data("\nendstream".utf8)
    }

    /// A PDF of `objects` (numbered from 1; the first is the catalog) with its cross-reference table.
    public static func build(_ objects: [Data]) -> Data {
        var pdf = Data("%PDF-1.4\n%\u{E2}\u{E3}\u{CF}\u{D3}\n".utf8)
        var offsets: [Int] = []
        for (index, object) in objects.enumerated() {
            offsets.append(pdf.count)
            pdf += Data("\(index + 1) 0 obj\n".utf8) + object + Data("\nendobj\n".utf8)
        }
        let xref = pdf.count
        var table = "xref\n0 \(objects.count + 1)\n0000000000 65535 f \n"
        for offset in offsets { table += String(format: "%010d 00000 n \n", offset) }
        table += "trailer\n<< /Size \(objects.count + 1) /Root 1 0 R >>\nstartxref\n\(xref)\n%%EOF\n"
        return pdf + Data(table.utf8)
    }
}
