import Testing
@testable import RNNCore

/// A gated trace through `Trace`: references, running sums, contributions, foreign symbols.
@Suite struct GatedTraceTests {
    static func trace(_ cell: GatedCell) throws -> Trace {
        let config = try #require(GatedGradientCheckTests.configs.first {
            $0.cell == cell && $0.architecture == .manyToMany && $0.tx >= 3 && $0.givenState })
        let (rnn, episode) = config.build()
        return Trace(gated: rnn, episode: episode)
    }

    func value(_ trace: Trace, _ text: String) throws -> Double {
        try trace.number(EntryRef.parse(text).get()).get()
    }

    @Test func referencesReachTheGatedNumbers() throws {
        for cell in GatedCell.allCases {
            let trace = try Self.trace(cell)
            let g = try #require(trace.gated)
            #expect(trace.cell == cell.kind)
            #expect(try value(trace, "Γu<2>[0]") == g.vector(.gammaU, 2)?[0])
            #expect(try value(trace, "gamma_u<2>[0]") == g.vector(.gammaU, 2)?[0])
            #expect(try value(trace, "c̃<1>[0]") == g.vector(.cTilde, 1)?[0])
            #expect(try value(trace, "c_tilde<1>[0]") == g.vector(.cTilde, 1)?[0])
            #expect(try value(trace, "c<0>[0]") == g.rnn.params.c0[0])
            #expect(try value(trace, "c<2>[0]") == g.vector(.c, 2)?[0])
            #expect(try value(trace, "Wu[0,0]") == g.rnn.params.weight(.u)?[0, 0])
            #expect(try value(trace, "L") == g.totalLoss)
            #expect(try value(trace, "dc<0>[0]") == g.dc0?[0])
            #expect(try value(trace, "da<0>[0]") == g.da0?[0])
            // the running sum after backward step 1 is the total; it is the sum of the contributions
            let total = try #require(g.gradients)
            #expect(try value(trace, "dWc<1>[0,0]") == total.dW[cell.gates.firstIndex(of: .c)!][0, 0])
            var sum = 0.0
            for t in stride(from: trace.T, through: 1, by: -1) { sum += try value(trace, "ΔdWu<\(t)>[0,0]") }
            #expect(abs(sum - (try value(trace, "dWu[0,0]"))) <= 1e-12 * max(1, abs(sum)))
            #expect(try value(trace, "dbu_step<2>[0]") == g.vector(.dzu, 2)?[0])
            // a total derivative: dc_prev<t> is dc_next<t-1>
            #expect(try value(trace, "dc_prev<2>[0]") == (try value(trace, "dc_next<1>[0]")))
        }
    }

    /// The engine's own sums (what training uses) are the trace's totals, added in the same order.
    @Test(arguments: GatedGradientCheckTests.configs.prefix(40))
    func engineSumsAreTheTraceTotals(_ config: GatedConfig) throws {
        let (rnn, episode) = config.build()
        let w = GatedWorkspace(shape: rnn.shape, episode: episode)
        let L = w.forward(rnn.params)
        w.backward()
        let trace = GatedTrace(rnn: rnn, episode: episode)
        #expect(L == trace.totalLoss)
        let mine = w.gradients.allValues, theirs = try #require(trace.gradients).allValues
        #expect(mine.count == theirs.count)
        #expect(zip(mine, theirs).allSatisfy { abs($0 - $1) <= 1e-12 * max(1, abs($1)) })
    }

    @Test func aSymbolOfAnotherCellSaysWhose() throws {
        let lstm = try Self.trace(.lstm), gru = try Self.trace(.gru)
        func message(_ trace: Trace, _ text: String) throws -> String {
            guard case .failure(let e) = trace.resolve(try EntryRef.parse(text).get()) else { return "" }
            return e.message
        }
        #expect(try message(lstm, "Γr<1>[0]").contains("belongs to the gru"))
        #expect(try message(gru, "Wf").contains("belongs to the lstm"))
        #expect(try message(gru, "z<1>").contains("plain RNN cell"))
        #expect(try message(gru, "Wa").contains("plain RNN cell"))
        let (rnn, episode) = RandomConfigs.build(RandomConfigs.make(count: 1)[0])
        let plain = Trace(rnn: rnn, episode: episode)
        #expect(try message(plain, "Γu<1>[0]").contains("cell: gru or lstm"))
        #expect(try message(plain, "c<0>").contains("cell: gru or lstm"))
    }

    @Test func labelsAndKeysFollowTheNotes() {
        #expect(Symbol.gammaU.label(t: 3) == "Γu<3>")
        #expect(Symbol.cTilde.label == "c̃<t>")
        #expect(Symbol.cPrev.label(t: 3) == "c<2>")
        #expect(Symbol.dWfStep.label(t: 2) == "ΔdWf<2>")
        #expect(Symbol.dcPrev.jsonKey == "dc_prev")
        #expect(Symbol.gammaF.jsonKey == "gamma_f")
        #expect(EntryRef(symbol: .c0).description == "c<0>")
        #expect(EntryRef(symbol: .dc0, row: 1).description == "dc<0>[1]")
        #expect(EntryRef(symbol: .dGammaO, t: 2, row: 0).description == "dΓo<2>[0]")
    }
}
