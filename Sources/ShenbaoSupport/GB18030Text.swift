import Foundation

extension String {
    /// `bytes` read as GB18030 (which GBK is part of): the code page names are written in by zip tools and file
    /// systems of Chinese Windows. Nil where the bytes do not read so.
    package init?(gb18030 bytes: some Sequence<UInt8>) {
        // kCFStringEncodingGB_18030_2000, as Foundation numbers it.
        self.init(data: Data(bytes), encoding: String.Encoding(rawValue: 0x8000_0632))
    }
}
