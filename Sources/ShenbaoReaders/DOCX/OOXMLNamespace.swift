import ShenbaoModel
import ShenbaoSupport

/// Namespace URIs the DOCX reader matches elements against (transitional and strict spellings).
enum OOXMLNamespace {
    /// WordprocessingML main: transitional and strict.
    static let wordprocessing = [
        "http://schemas.openxmlformats.org/wordprocessingml/2006/main",
        "http://purl.oclc.org/ooxml/wordprocessingml/main",
    ]
    /// Markup compatibility (`mc:AlternateContent`).
    static let markupCompatibility = ["http://schemas.openxmlformats.org/markup-compatibility/2006"]

    /// Namespaces whose content this reader handles, for choosing an `mc:Choice`: WordprocessingML,
    /// Word 2010+ extensions (content-control checkboxes) and the drawing wrappers around text boxes,
    /// whose `w:txbxContent` the reader finds by descent.
    static let understood: Set<String> = Set(wordprocessing + [
        "http://schemas.microsoft.com/office/word/2010/wordml",
        "http://schemas.microsoft.com/office/word/2012/wordml",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingShape",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingGroup",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingCanvas",
        "http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing",
        "http://schemas.openxmlformats.org/drawingml/2006/main",
        "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing",
    ])
}
