import RNNCore

/// Disclosure for the gated cells' quantities (see `Disclosure.swift`): which quantity reveals
/// which, and what is computed from what, so an open question hides everything downstream.
extension Symbol {
    /// The quantity whose disclosure also reveals this gated one (`c` reveals c<t-1> and c<0>,
    /// `dc` reveals dc_next).
    var gatedFamily: Symbol? {
        switch self {
        case .cPrev, .c0: return .c
        case .dcNext: return .dc
        default: return nil
        }
    }

    /// The gated quantities computed directly from this one.
    var gatedComputedFrom: [Symbol] {
        switch self {
        case .cPrev, .c0: return [.gammaU, .gammaR, .gammaF, .gammaO, .cTilde, .c, .stacked]
        case .Wf, .bf: return [.gammaF]
        case .Wu, .bu: return [.gammaU]
        case .Wr, .br: return [.gammaR]
        case .Wo, .bo: return [.gammaO]
        case .Wc, .bc: return [.cTilde]
        case .gammaR: return [.cTilde]
        case .gammaF, .gammaU, .cTilde: return [.c]
        case .gammaO: return [.a]
        case .c: return [.a]
        case .dc, .dcNext: return [.dc, .dGammaF, .dGammaU, .dcTilde, .dcPrev]
        case .dGammaF: return [.dzf]
        case .dGammaU: return [.dzu]
        case .dGammaR: return [.dzr]
        case .dGammaO: return [.dzo]
        case .dcTilde: return [.dzc]
        case .dzf: return [.dWfStep, .dbfStep, .daPrev, .dcPrev]
        case .dzu: return [.dWuStep, .dbuStep, .daPrev, .dcPrev]
        case .dzr: return [.dWrStep, .dbrStep, .daPrev, .dcPrev]
        case .dzo: return [.dWoStep, .dboStep, .daPrev, .dcPrev]
        case .dzc: return [.dWcStep, .dbcStep, .dGammaR, .daPrev, .dcPrev]
        case .dWfStep: return [.dWf]
        case .dWuStep: return [.dWu]
        case .dWrStep: return [.dWr]
        case .dWoStep: return [.dWo]
        case .dWcStep: return [.dWc]
        case .dbfStep: return [.dbf]
        case .dbuStep: return [.dbu]
        case .dbrStep: return [.dbr]
        case .dboStep: return [.dbo]
        case .dbcStep: return [.dbc]
        case .dcPrev: return [.dc0, .daPrev]
        default: return []
        }
    }
}

extension Symbol {
    /// What the inputs x<t> and a<t-1> feed in a gated cell: every gate and the candidate.
    var gatedInputs: [Symbol] { [.gammaF, .gammaU, .gammaR, .gammaO, .cTilde] }
}
