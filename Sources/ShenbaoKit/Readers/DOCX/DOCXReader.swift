/// Reads a Word (OOXML) document into the neutral model.
public enum DOCXReader {
    /// Reads the `.docx` file at `path`.
    public static func read(path: String) throws(ReadError) -> Document {
        throw ReadError.unsupported("DOCX 读取尚未实现")
    }
}
