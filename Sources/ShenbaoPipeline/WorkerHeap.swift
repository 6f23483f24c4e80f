import CGlibcExtras

/// How a worker's C heap is kept from one book to the next.
///
/// Reading a book allocates blocks of hundreds of KiB: the inflated styles part (350 KiB is normal), the
/// document part, the arrays of their XML trees. By default glibc serves blocks that large with `mmap`, or
/// gives the top of the heap back to the kernel when they are freed, so every book faulted all those pages
/// in again: 52,000 page faults for 144 books with their own styles parts, 3,700 with the heap kept (parent
/// and two workers).
/// A worker keeps up to 16 MiB free for the next book instead; blocks larger than that are still mapped
/// and unmapped on their own, so a hostile book cannot leave the worker holding its memory.
enum WorkerHeap {
    /// Largest block served from the heap, and most free memory kept at its top (bytes).
    static let keptBytes: Int32 = 16 << 20

    /// Sets the heap up for a run of books; called once, as a worker starts.
    static func keepBetweenBooks() {
        _ = mallopt(M_MMAP_THRESHOLD, keptBytes)
        _ = mallopt(M_TRIM_THRESHOLD, keptBytes)
    }
}
