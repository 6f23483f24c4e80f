import Foundation
import ShenbaoModel
import ShenbaoSupport

/// Just enough of the OLE compound file format (CFB, [MS-CFB]) to tell what an OLE file holds —
/// a legacy Word / WPS document, a password-protected OOXML file, an Excel or PowerPoint file — and
/// whether a Word binary document is encrypted, without running any other program on it.
///
/// Every number read from the file is checked against the file's size; chains are followed for at
/// most as many steps as the file has sectors, so a crafted file cannot loop or read out of bounds.
struct CompoundFile {
    /// One directory entry (storage or stream).
    package struct Entry {
        package var name: String
        /// 1 storage, 2 stream, 5 root storage.
        package var type: UInt8
        package var start: UInt32
        package var size: UInt64
    }

    /// What the OLE file holds.
    enum Content: Equatable {
        /// A Word 97–2003 / Word 6–95 / WPS document (`WordDocument` stream), not encrypted.
        case wordBinary
        /// The same with the FIB's `fEncrypted` flag set (a password to open).
        case encryptedWordBinary
        /// A password-protected .docx/.xlsx/.pptx (`EncryptionInfo` / `EncryptedPackage` streams).
        case encryptedOOXML
        /// A Microsoft Works word-processor file (`CONTENTS` stream).
        case works
        case excel
        case powerPoint
        /// Some other OLE file.
        case other
    }

    private static let magic: [UInt8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]
    private static let endOfChain: UInt32 = 0xFFFF_FFFE
    private static let maxRegularSector: UInt32 = 0xFFFF_FFFA
    private static let maxDirectoryEntries = 100_000

    package let entries: [Entry]
    private let data: Data
    private let sectorShift: Int
    private let miniSectorShift: Int
    private let miniStreamCutoff: UInt64
    private let fat: [UInt32]

    /// Parses the header, the FAT and the directory of the file at `path`; nil when the structure is
    /// not a valid compound file (damaged, truncated or crafted).
    package init?(path: String) {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path), options: .alwaysMapped) else { return nil }
        self.init(data: data)
    }

    package init?(data: Data) {
        guard data.count >= 512, data.prefix(8).elementsEqual(Self.magic) else { return nil }
        self.data = data
        let major = Self.u16(data, 0x1A), shift = Int(Self.u16(data, 0x1E))
        guard Self.u16(data, 0x1C) == 0xFFFE, (major == 3 && shift == 9) || (major == 4 && shift == 12) else { return nil }
        sectorShift = shift
        miniSectorShift = Int(Self.u16(data, 0x20))
        guard miniSectorShift == 6 else { return nil }
        miniStreamCutoff = UInt64(Self.u32(data, 0x38))
        let sectorSize = 1 << shift
        let sectorCount = (data.count - sectorSize) / sectorSize + ((data.count - sectorSize) % sectorSize > 0 ? 1 : 0)
        guard sectorCount > 0 else { return nil }

        // The FAT's own sectors: 109 listed in the header, the rest in the DIFAT chain.
        let fatSectorCount = Int(Self.u32(data, 0x2C))
        guard fatSectorCount > 0, fatSectorCount <= sectorCount else { return nil }
        var fatSectors: [UInt32] = []
        for index in 0..<109 where fatSectors.count < fatSectorCount {
            fatSectors.append(Self.u32(data, 0x4C + index * 4))
        }
        var difat = Self.u32(data, 0x44)
        var steps = 0
        while fatSectors.count < fatSectorCount, difat <= Self.maxRegularSector {
            steps += 1
            guard steps <= sectorCount, let offset = Self.offset(of: difat, shift: shift, in: data) else { return nil }
            let perSector = sectorSize / 4 - 1
            for index in 0..<perSector where fatSectors.count < fatSectorCount {
                fatSectors.append(Self.u32(data, offset + index * 4))
            }
            difat = Self.u32(data, offset + perSector * 4)
        }
        guard fatSectors.count == fatSectorCount else { return nil }
        var fat: [UInt32] = []
        fat.reserveCapacity(min(fatSectorCount * sectorSize / 4, sectorCount + sectorSize / 4))
        for sector in fatSectors {
            guard sector <= Self.maxRegularSector, let offset = Self.offset(of: sector, shift: shift, in: data) else { return nil }
            for index in 0..<(sectorSize / 4) { fat.append(Self.u32(data, offset + index * 4)) }
        }
        self.fat = fat

        // The directory: 128-byte entries along the chain from the header's first directory sector.
        var entries: [Entry] = []
        var sector = Self.u32(data, 0x30)
        steps = 0
        while sector <= Self.maxRegularSector {
            steps += 1
            guard steps <= sectorCount, let offset = Self.offset(of: sector, shift: shift, in: data) else { return nil }
            for slot in 0..<(sectorSize / 128) {
                let base = offset + slot * 128
                let type = data[data.startIndex + base + 0x42]
                guard type != 0 else { continue }
                let nameBytes = min(Int(Self.u16(data, base + 0x40)), 64)
                var units: [UInt16] = []
                for index in stride(from: 0, to: max(0, nameBytes - 2), by: 2) { units.append(Self.u16(data, base + index)) }
                let size = major == 3 ? UInt64(Self.u32(data, base + 0x78)) : Self.u64(data, base + 0x78)
                entries.append(Entry(name: String(decoding: units, as: UTF16.self), type: type,
                                     start: Self.u32(data, base + 0x74), size: size))
            }
            guard entries.count <= Self.maxDirectoryEntries, Int(sector) < fat.count else { return nil }
            sector = fat[Int(sector)]
        }
        guard sector == Self.endOfChain, entries.first?.type == 5 else { return nil }
        self.entries = entries
    }

    /// The stream named `name` (case-insensitive, as CFB compares names).
    package func stream(named name: String) -> Entry? {
        entries.first { $0.type == 2 && $0.name.caseInsensitiveCompare(name) == .orderedSame }
    }

    /// What the file holds, from its stream names (and, for Word, its FIB's encryption flag).
    package var content: Content {
        if stream(named: "EncryptedPackage") != nil || stream(named: "EncryptionInfo") != nil { return .encryptedOOXML }
        if let word = stream(named: "WordDocument") {
            // FibBase: wIdent (0xA5EC Word 97+, 0xA5DC Word 6/95) at 0; flags at 0x0A, fEncrypted = 0x0100.
            guard let head = prefix(of: word, count: 12) else { return .wordBinary }
            let flags = UInt16(head[0x0A]) | UInt16(head[0x0B]) << 8
            return flags & 0x0100 != 0 ? .encryptedWordBinary : .wordBinary
        }
        if stream(named: "Workbook") != nil || stream(named: "Book") != nil { return .excel }
        if stream(named: "PowerPoint Document") != nil { return .powerPoint }
        if stream(named: "CONTENTS") != nil { return .works }
        return .other
    }

    /// The first `count` bytes (at most 64) of a stream, from a regular sector or from the mini stream.
    package func prefix(of entry: Entry, count: Int) -> [UInt8]? {
        guard count <= 64, entry.size >= UInt64(count) else { return nil }
        if entry.size >= miniStreamCutoff {
            guard entry.start <= Self.maxRegularSector,
                  let offset = Self.offset(of: entry.start, shift: sectorShift, in: data) else { return nil }
            return Array(data[(data.startIndex + offset)..<(data.startIndex + offset + count)])
        }
        // Mini stream: mini sector `start` lies in the root entry's chain of regular sectors.
        guard let root = entries.first, root.type == 5 else { return nil }
        let position = Int(entry.start) << miniSectorShift
        var sector = root.start
        guard position >> sectorShift < fat.count else { return nil }
        for _ in 0..<(position >> sectorShift) {
            guard Int(sector) < fat.count else { return nil }
            sector = fat[Int(sector)]
        }
        guard sector <= Self.maxRegularSector, let offset = Self.offset(of: sector, shift: sectorShift, in: data) else { return nil }
        let start = offset + (position & ((1 << sectorShift) - 1))
        return Array(data[(data.startIndex + start)..<(data.startIndex + start + count)])
    }

    // MARK: Bytes

    /// The file offset of a regular sector, when the whole sector lies inside the file.
    private static func offset(of sector: UInt32, shift: Int, in data: Data) -> Int? {
        let offset = (Int(sector) + 1) << shift
        return offset + (1 << shift) <= data.count ? offset : nil
    }

    private static func u16(_ data: Data, _ offset: Int) -> UInt16 {
        let base = data.startIndex + offset
        return UInt16(data[base]) | UInt16(data[base + 1]) << 8
    }

    private static func u32(_ data: Data, _ offset: Int) -> UInt32 {
        UInt32(u16(data, offset)) | UInt32(u16(data, offset + 2)) << 16
    }

    private static func u64(_ data: Data, _ offset: Int) -> UInt64 {
        UInt64(u32(data, offset)) | UInt64(u32(data, offset + 4)) << 32
    }
}
