/// Reads a PDF into the neutral model, rebuilding lines and table rows from glyph positions.
public enum PDFReader {
    /// Reads the `.pdf` file at `path`.
    public static func read(path: String) throws(ReadError) -> Document {
        throw ReadError.unsupported("PDF 读取尚未实现")
    }
}
