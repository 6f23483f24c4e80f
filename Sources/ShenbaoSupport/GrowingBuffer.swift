/// Plain values appended one after another into memory of its own: an append checks the room left and stores,
/// with none of an array's copy-on-write checks, and the memory is handed over whole (`take`) to the `XMLTree`
/// being built instead of being copied. Freed on its own when not taken (a parse given up halfway).
struct GrowingBuffer<Item: BitwiseCopyable>: ~Copyable {
    private var start: UnsafeMutablePointer<Item>
    private(set) var count = 0
    private var capacity: Int

    init(capacity: Int = 0) {
        self.capacity = max(capacity, 16)
        start = .allocate(capacity: self.capacity)
    }

    deinit { start.deallocate() }

    var isEmpty: Bool { count == 0 }

    var last: Item? { count > 0 ? start[count - 1] : nil }

    subscript(index: Int) -> Item {
        get {
            assert(index >= 0 && index < count, "index out of the buffer")
            return start[index]
        }
        set {
            assert(index >= 0 && index < count, "index out of the buffer")
            start[index] = newValue
        }
    }

    @inline(__always)
    mutating func append(_ item: Item) {
        if count == capacity { grow() }
        (start + count).initialize(to: item)
        count += 1
    }

    /// Empties the buffer, keeping its memory for what comes next.
    mutating func removeAll() { count = 0 }

    @discardableResult
    mutating func removeLast() -> Item {
        precondition(count > 0, "removeLast on an empty buffer")
        count -= 1
        return start[count]
    }

    private mutating func grow() {
        let larger = UnsafeMutablePointer<Item>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: start, count: count)
        start.deallocate()
        start = larger
        capacity *= 2
    }

    /// The items, in memory the caller now owns (and deallocates).
    consuming func take() -> UnsafeMutableBufferPointer<Item> {
        let items = UnsafeMutableBufferPointer(start: start, count: count)
        discard self
        return items
    }
}
