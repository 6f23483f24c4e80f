import Foundation

/// Stamped copies and scans made at test time with Ghostscript: seals drawn in PostScript onto a PDF's
/// pages (an e-seal on a text PDF), and a scan of a PDF (rendered, turned, specked, JPEG) wrapped in a PDF.
public enum StampedScans {
    /// What went wrong making a test file.
    public struct Failure: Error, CustomStringConvertible {
        public var description: String
        public init(_ description: String) { self.description = description }
    }

    static func tool(_ name: String) throws -> String {
        guard let path = systemTool(name) else { throw Failure("\(name) is not installed") }
        return path
    }

    /// PostScript procedures, in millimetres from the page's top-left corner. Seal text is drawn as
    /// character-like marks (a box with a cross), so no font is needed.
    public static let prolog = """
        /SealDict 64 dict def SealDict begin
        /mm { 72 mul 25.4 div } def
        /pageh { currentpagedevice /PageSize get 1 get } def
        /at { /y exch def /x exch def x mm pageh y mm sub translate } def
        /star { /rs exch mm def newpath
          0 1 9 { /i exch def i 36 mul 90 add dup cos exch sin
            i 2 mod 0 eq { rs } { rs 0.382 mul } ifelse dup 3 1 roll mul 3 1 roll mul exch
            i 0 eq { moveto } { lineto } ifelse } for closepath fill } def
        /glyph { /g exch mm def 0.45 mm setlinewidth newpath
          g -2 div g -2 div g g rectstroke
          g -2 div 0 moveto g 2 div 0 lineto 0 g -2 div moveto 0 g 2 div lineto stroke } def
        /ringtext { /sz exch def /rt exch mm def /n exch def /step 240 n 1 sub div def
          0 1 n 1 sub { /j exch def gsave 210 j step mul sub rotate rt 0 translate -90 rotate sz glyph grestore } for } def
        % x y diameter r g b: a ring, a star, 13 marks along the ring and a row of 7 below the star
        /roundseal { gsave setrgbcolor /d exch def at
          1.2 mm setlinewidth newpath 0 0 d 2 div 0.6 sub mm 0 360 arc closepath stroke
          d 6 div star
          13 d 2 div 4 sub d 10.5 div ringtext
          -3 1 3 { /k exch def gsave k d 13 div mul mm d -5.5 div mm translate d 16 div glyph grestore } for
          grestore } def
        % x y side: a red square outline with four marks inside
        /squareseal { gsave 0.85 0.08 0.1 setrgbcolor /s exch def at
          1 mm setlinewidth s -2 div mm s -2 div mm s mm s mm rectstroke
          [-1 1] { /u exch def [-1 1] { /v exch def gsave u s mul 0.2 mul mm v s mul 0.2 mul mm translate s 0.3 mul glyph grestore } forall } forall
          grestore } def
        /reddisc { gsave 0.85 0.08 0.1 setrgbcolor /d exch def at newpath 0 0 d 2 div mm 0 360 arc fill grestore } def
        end
        """

    public static let red = "0.85 0.08 0.1"

    /// `copies` copies of `source` (the fixture by default), with PostScript `drawings[i]` drawn over page i (0-based).
    public static func stamped(_ drawings: [Int: String], copies: Int, in folder: URL, name: String,
                        source: String) throws -> String {
        let gs = try tool("gs")
        let prologPath = folder.appendingPathComponent("prolog.ps").path
        try prolog.write(toFile: prologPath, atomically: true, encoding: .utf8)
        let cases = drawings.sorted { $0.key < $1.key }
            .map { "SealPage \($0.key) eq { \($0.value) } if" }.joined(separator: " ")
        let endPage = """
            << /EndPage { exch userdict exch /SealPage exch put
              dup 2 ne { gsave initgraphics SealDict begin \(cases) end grestore } if 2 ne } >> setpagedevice
            """
        let endPagePath = folder.appendingPathComponent("\(name)-endpage.ps").path
        try endPage.write(toFile: endPagePath, atomically: true, encoding: .utf8)
        let output = folder.appendingPathComponent("\(name).pdf").path
        try runQuietly(gs, ["-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=pdfwrite", "-o", output, prologPath, endPagePath]
                + Array(repeating: source, count: copies), in: folder)
        guard FileManager.default.fileExists(atPath: output) else { throw Failure("gs wrote no PDF") }
        return output
    }

    /// A scan of `pdf`: rendered by Ghostscript at 150 dpi onto greyish-yellow paper, pages turned by
    /// +1° and −1° in turn, 3000 grey specks, JPEG quality 70; the JPEG pages wrapped into a PDF.
    public static func scanned(_ pdf: String, in folder: URL) throws -> String {
        let gs = try tool("gs")
        let scanPS = """
            << /BeginPage { 2 mod 0 eq { 1 } { -1 } ifelse
               306 396 translate rotate -306 -396 translate
               gsave 0.95 0.93 0.86 setrgbcolor 0 0 612 792 rectfill 0.35 setgray 12345 srand
               0 1 2999 { pop rand 612 mod rand 792 mod 0.6 0.6 rectfill } for grestore } >> setpagedevice
            """
        let scanPath = folder.appendingPathComponent("scan.ps").path
        try scanPS.write(toFile: scanPath, atomically: true, encoding: .utf8)
        try runQuietly(gs, ["-q", "-dBATCH", "-dNOPAUSE", "-dSAFER", "-sDEVICE=jpeg", "-r150", "-dJPEGQ=70",
                     "-o", folder.appendingPathComponent("scan-%d.jpg").path, scanPath, pdf], in: folder)
        var pages: [Data] = []
        while let data = FileManager.default.contents(atPath: folder.appendingPathComponent("scan-\(pages.count + 1).jpg").path) {
            pages.append(data)
        }
        guard !pages.isEmpty else { throw Failure("gs wrote no JPEG") }
        let output = folder.appendingPathComponent("scan.pdf").path
        guard FileManager.default.createFile(atPath: output, contents: try TestPDF.images(pages, dpi: 150)) else { throw Failure("cannot write \(output)") }
        return output
    }
}
