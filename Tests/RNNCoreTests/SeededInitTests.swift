import Testing
import RNNCore

/// The seeded generator is SplitMix64 exactly as published (Steele, Lea & Flood 2014; the
/// reference C code of Vigna). The literals were computed with a direct Python transcription:
///     s += 0x9E3779B97F4A7C15; z = s; z = (z ^ z>>30)·0xBF58476D1CE4E5B9;
///     z = (z ^ z>>27)·0x94D049BB133111EB; return z ^ z>>31      (all mod 2⁶⁴)
@Suite struct SeededInitTests {
    @Test func splitMix64Seed0() {
        var g = SplitMix64(seed: 0)
        #expect((0..<4).map { _ in g.next() } == [0xe220a8397b1dcdaf, 0x6e789e6aa1b965f4, 0x06c45d188009454f, 0xf88bb8a8724c81ec])
    }

    @Test func splitMix64Seed7() {
        var g = SplitMix64(seed: 7)
        #expect((0..<4).map { _ in g.next() } == [0x63cbe1e459320dd7, 0x044c3cd7f43c661c, 0xe6984080bab12a02, 0x953aeb70673e29cb])
        var u = SplitMix64(seed: 7)
        // (next() >> 11) · 2⁻⁵³
        #expect((0..<4).map { _ in u.nextUnit() } == [0.3898297483912715, 0.01678829452815611, 0.9007606806068834, 0.5829302930280781])
    }

    /// Params.seeded draws scale·(2u − 1) row by row in the order Waa, Wax, Wya; biases and a<0> zero.
    @Test func seededParams() {
        let shape = Shape(nx: 1, na: 2, ny: 1, g1: .tanh, g2: .sigmoid)
        let p = Params.seeded(shape, seed: 7, scale: 0.1)
        #expect(p.Waa == Matrix([[-0.022034050321745702, -0.09664234109436878], [0.08015213612137669, 0.016586058605615617]]))
        #expect(p.Wax == Matrix([[-0.009511620997706327], [-0.05011369554345133]]))
        #expect(p.Wya == Matrix([[-0.006409399155425311, -0.03438465216949942]]))
        #expect(p.ba == [0, 0] && p.by == [0] && p.a0 == [0, 0])
        #expect(Params.seeded(shape, seed: 7, scale: 0.1) == p)
        #expect(Params.seeded(shape, seed: 8, scale: 0.1) != p)
    }
}
