import Dispatch
import Foundation
import ShenbaoModel
import ShenbaoSupport
import ShenbaoSpec
import ShenbaoReaders
import ShenbaoExtraction
import ShenbaoStatistics
import ShenbaoValidation
import ShenbaoWriters

/// Runs a job over many inputs on several cores and returns the results in input order, so output
/// stays deterministic however the work was scheduled.
public enum Batch {
    /// Applies `body` to every item with up to `jobs` in parallel; `progress` is called with the
    /// number done so far (from any thread, serialised).
    public static func map<Item: Sendable, Result: Sendable>(
        _ items: [Item], jobs: Int = ProcessorCount.available,
        progress: (@Sendable (Int) -> Void)? = nil, _ body: @Sendable (Item) -> Result
    ) -> [Result] {
        map(items, jobs: jobs, progress: progress, context: { () }, finish: { _ in }) { _, item in body(item) }
    }

    /// Like `map`, with a context each thread makes once and hands to every call it runs (a worker
    /// process, a parser), and `finish` to release it.
    public static func map<Item: Sendable, Result: Sendable, Context>(
        _ items: [Item], jobs: Int, progress: (@Sendable (Int) -> Void)?,
        context makeContext: @Sendable () -> Context, finish: @Sendable (inout Context) -> Void,
        _ body: @Sendable (inout Context, Item) -> Result
    ) -> [Result] {
        let box = ResultBox<Result>(count: items.count)
        let workers = max(1, min(jobs, items.count))
        let next = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            var context = makeContext()
            while true {
                let index = next.increment() - 1
                guard index < items.count else { break }
                let result = body(&context, items[index])
                let done = box.store(result, at: index)
                progress?(done)
            }
            finish(&context)
        }
        return box.results()
    }
}

private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var value = 0
    func increment() -> Int { lock.withLock { value += 1; return value } }
}

private final class ResultBox<Result>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [Result?]
    private var done = 0
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func store(_ result: Result, at index: Int) -> Int {
        lock.withLock { storage[index] = result; done += 1; return done }
    }
    func results() -> [Result] { lock.withLock { storage.map { $0! } } }
}
