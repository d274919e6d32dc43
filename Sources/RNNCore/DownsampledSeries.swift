/// A series of any length (a training run's losses, one per step) kept in bounded memory:
/// at most `capacity` buckets, each summarising `perBucket` consecutive values by their
/// minimum, maximum and sum. When the buckets are full, neighbours merge in pairs and a
/// bucket holds twice as many values, so the whole history stays, coarser, never cut; the
/// extremes survive every merge. NaN and ±Inf are counted but left out of min, max and sum.
public struct DownsampledSeries: Equatable, Sendable {
    public struct Bucket: Equatable, Sendable {
        public var min = Double.infinity
        public var max = -Double.infinity
        public var sum = 0.0
        /// Values in the bucket, and how many of them were finite.
        public var count = 0
        public var finite = 0

        /// The mean of the finite values (NaN when there are none).
        public var mean: Double { finite > 0 ? sum / Double(finite) : .nan }

        mutating func add(_ v: Double) {
            count += 1
            guard v.isFinite else { return }
            finite += 1; sum += v
            if v < min { min = v }
            if v > max { max = v }
        }

        func merged(_ o: Bucket) -> Bucket {
            Bucket(min: Swift.min(min, o.min), max: Swift.max(max, o.max), sum: sum + o.sum,
                   count: count + o.count, finite: finite + o.finite)
        }
    }

    /// The most buckets kept (even, ≥ 2).
    public let capacity: Int
    /// Values per bucket (a power of two; the last bucket may hold fewer).
    public private(set) var perBucket = 1
    public private(set) var buckets: [Bucket] = []
    /// Values appended so far.
    public private(set) var count = 0

    public init(capacity: Int = 1024) {
        self.capacity = Swift.max(2, capacity + capacity % 2)
        buckets.reserveCapacity(self.capacity)
    }

    public mutating func append(_ v: Double) {
        count += 1
        if let last = buckets.indices.last, buckets[last].count < perBucket {
            buckets[last].add(v); return
        }
        if buckets.count == capacity {
            buckets = stride(from: 0, to: buckets.count, by: 2).map { buckets[$0].merged(buckets[$0 + 1]) }
            perBucket *= 2
            if let last = buckets.indices.last, buckets[last].count < perBucket { buckets[last].add(v); return }
        }
        var b = Bucket()
        b.add(v)
        buckets.append(b)
    }

    public mutating func append<S: Sequence>(contentsOf values: S) where S.Element == Double {
        for v in values { append(v) }
    }

    /// The smallest and largest finite values appended (nil when there are none).
    public var range: ClosedRange<Double>? {
        let lo = buckets.map(\.min).min() ?? .infinity, hi = buckets.map(\.max).max() ?? -.infinity
        return lo <= hi ? lo...hi : nil
    }
}
