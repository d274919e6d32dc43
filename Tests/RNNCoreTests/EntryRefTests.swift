import Testing
import RNNCore

@Suite struct EntryRefTests {
    @Test(arguments: [
        ("a<3>[0]", EntryRef(symbol: .a, t: 3, row: 0), "a<3>[0]"),
        ("ŷ<2>[1]", EntryRef(symbol: .yHat, t: 2, row: 1), "ŷ<2>[1]"),
        ("yhat<2>[1]", EntryRef(symbol: .yHat, t: 2, row: 1), "ŷ<2>[1]"),
        ("y_hat<2>[1]", EntryRef(symbol: .yHat, t: 2, row: 1), "ŷ<2>[1]"),
        ("L<2>", EntryRef(symbol: .loss, t: 2), "L<2>"),
        ("L", EntryRef(symbol: .totalLoss), "L"),
        ("Wa[1,4]", EntryRef(symbol: .Wa, row: 1, col: 4), "Wa[1,4]"),
        ("a<0>[1]", EntryRef(symbol: .a0, row: 1), "a<0>[1]"),
        ("da<0>", EntryRef(symbol: .da0), "da<0>"),
        ("dWaa<3>[0,2]", EntryRef(symbol: .dWaa, t: 3, row: 0, col: 2), "dWaa<3>[0,2]"),
        ("dWaa[0,2]", EntryRef(symbol: .dWaa, row: 0, col: 2), "dWaa[0,2]"),
        ("ΔdWaa<3>[0,2]", EntryRef(symbol: .dWaaStep, t: 3, row: 0, col: 2), "ΔdWaa<3>[0,2]"),
        ("dWaa_step<3>[0,2]", EntryRef(symbol: .dWaaStep, t: 3, row: 0, col: 2), "ΔdWaa<3>[0,2]"),
        ("stacked<2>[4]", EntryRef(symbol: .stacked, t: 2, row: 4), "[a<1>; x<2>][4]"),
        (" a< 2 >[ 1 ] ", EntryRef(symbol: .a, t: 2, row: 1), "a<2>[1]"),
    ])
    func parsesGoodReferences(_ text: String, expected: EntryRef, description: String) throws {
        let ref = try EntryRef.parse(text).get()
        #expect(ref == expected)
        #expect(ref.description == description)
    }

    @Test(arguments: [
        ("a<3", "expected a step number like <2> after 'a' in 'a<3'"),
        ("a<x>[0]", "expected a step number like <2> after 'a' in 'a<x>[0]'"),
        ("a<1>[0", "missing ']' in 'a<1>[0'"),
        ("a<1>[0,1,2]", "an index is [i] or [i,j] with whole numbers from 0 in 'a<1>[0,1,2]'"),
        ("a<1>[-1]", "an index is [i] or [i,j] with whole numbers from 0 in 'a<1>[-1]'"),
        ("a<1>[]", "an index is [i] or [i,j] with whole numbers from 0 in 'a<1>[]'"),
        ("a<1>[0]x", "unexpected 'x' in 'a<1>[0]x'"),
        ("foo<1>", "unknown quantity 'foo' in 'foo<1>' (known: x, a, z, zy, ŷ, y, L, dy, da, dz, da_next, da_prev, da_out, stacked, Wa, Waa, Wax, Wya, ba, by, a<0>, dWa, dWaa, dWax, dba, dWya, dby, da<0>, ΔdWa…; gated cells: Γf, Γu, Γr, Γo, c̃, c, c<0>, dΓu…, dzu…, dc, dc_next, dc_prev, dc<0>, Wf, Wu, Wr, Wo, Wc, bf…bc, dWf…dbc, ΔdWu…)"),
        ("a[0]", "'a' has a value at every step: write it with a step, like a<1>"),
        ("ΔdWaa[0,0]", "'ΔdWaa' has a value at every step: write it with a step, like ΔdWaa<1>"),
        ("Wa<2>[0,0]", "'Wa' is shared by every step: write it without <2>"),
    ])
    func rejectsBadReferences(_ text: String, message: String) {
        #expect(EntryRef.parse(text) == .failure(EntryRefError(message)))
    }

    /// Numbers from the hand-worked trace (T = 2, n_a = 2, n_x = 1, n_y = 1).
    @Test(arguments: [
        ("a<1>[0]", 0.874053287886007),
        ("yhat<2>[0]", 0.7205430853083961),
        ("L<2>", 1.2749071496412483),
        ("L", 1.5674632787202967),
        ("Wa[1,2]", -0.5),
        ("a<0>[0]", 0.5),
        ("da<0>[1]", -0.02495485827821332),
        ("dWaa<1>[1,0]", -0.5958661087361368),       // after the last backward step: the total
        ("dWaa[1,0]", -0.5958661087361368),
        ("ΔdWaa<2>[0,1]", 0.1198223866440239 * -0.44223035604572614),   // dz<2>[0] · a<1>[1]
        ("dWaa_step<2>[0,1]", 0.1198223866440239 * -0.44223035604572614),
        ("dWaa<2>[0,1]", 0.1198223866440239 * -0.44223035604572614),    // running sum after step 2 = its contribution
        ("stacked<2>[2]", 0.5),
    ])
    func numbers(_ text: String, expected: Double) throws {
        let value = try EntryRef.parse(text).flatMap { HandWorkedTests.trace.number($0) }.get()
        expectClose(value, expected, text)
    }

    @Test(arguments: [
        ("a<3>[0]", "step 3 is outside this lesson's steps 1…2 in 'a<3>[0]'"),
        ("a<0>[2]", "'a<0>[2]' is out of range (2 entries, indices 0…1)"),
        ("a<1>[2]", "'a<1>[2]' is out of range (2 entries, indices 0…1)"),
        ("Wa[1,3]", "'Wa[1,3]' is out of range (2×3)"),
        ("Wa[1]", "'Wa[1]' is a 2×3 matrix: index it as [i,j]"),
        ("a<1>[0,0]", "'a<1>[0,0]' is a vector of 2: index it as [i]"),
        ("a<1>", "'a<1>' is a 2×1 quantity, not one number: add an index like [0]"),
        ("dWaa<1>", "'dWaa<1>' is a 2×2 quantity, not one number: add an index like [0]"),
    ])
    func numberErrors(_ text: String, message: String) throws {
        let ref = try EntryRef.parse(text).get()
        #expect(HandWorkedTests.trace.number(ref) == .failure(EntryRefError(message)))
    }

    /// Steps without an output, and a sequence without targets.
    @Test func missingValues() throws {
        let shape = Shape(nx: 1, na: 2, ny: 1, g1: .tanh, g2: .sigmoid)
        let rnn = RNN(shape: shape, params: .seeded(shape, seed: 1, scale: 0.5))
        let withTargets = Trace(rnn: rnn, episode: try Episode(architecture: .encoderDecoder, nx: 1, inputs: [[1]], targets: [[1]]))
        let noTargets = Trace(rnn: rnn, episode: try Episode(architecture: .encoderDecoder, nx: 1, inputs: [[1]], targets: nil))
        func message(_ trace: Trace, _ text: String) throws -> String? {
            if case .failure(let e) = trace.number(try EntryRef.parse(text).get()) { return e.message }
            return nil
        }
        #expect(try message(withTargets, "ŷ<1>[0]") == "'ŷ<1>[0]' has no value: step 1 has no output")
        #expect(try message(withTargets, "L<1>") == "'L<1>' has no value: step 1 has no output")
        #expect(try message(withTargets, "dy<1>[0]") == "'dy<1>[0]' has no value: step 1 has no output")
        #expect(try message(withTargets, "L<2>") == nil)
        #expect(try message(noTargets, "ŷ<2>[0]") == nil)
        #expect(try message(noTargets, "L<2>") == "'L<2>' has no value: step 2 has no target")
        #expect(try message(noTargets, "y<2>[0]") == "'y<2>[0]' has no value: step 2 has no target")
        #expect(try message(noTargets, "L") == "'L' has no value: the sequence has no targets")
        #expect(try message(noTargets, "da<1>[0]") == "'da<1>[0]' has no value: there is no backward pass (the sequence has no targets)")
        #expect(try message(noTargets, "dWaa[0,0]") == "'dWaa[0,0]' has no value: there is no backward pass (the sequence has no targets)")
        #expect(try message(noTargets, "da<0>[0]") == "'da<0>[0]' has no value: there is no backward pass (the sequence has no targets)")
    }
}
