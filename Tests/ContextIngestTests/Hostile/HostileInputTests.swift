import ContextModel
import Testing

@testable import ContextIngest

/// The hostile-input suite (issue 7): each case is run under both policies and must give exactly
/// its expected outcome, never a crash.
@Suite("Hostile input")
struct HostileInputTests {
    @Test(arguments: Hostile.cases)
    func strict(_ hostile: HostileCase) {
        let outcome = hostile.load(policy: .strict)
        #expect(outcome.diagnostics == hostile.diagnostics)
        if hostile.hasErrors || hostile.counts == nil {
            #expect(outcome.counts == nil, "expected the dataset to be rejected")
        } else {
            #expect(outcome.counts == hostile.counts)
        }
    }

    @Test(arguments: Hostile.cases)
    func lenient(_ hostile: HostileCase) {
        let outcome = hostile.load(policy: .lenient)
        #expect(outcome.diagnostics == hostile.diagnostics)
        #expect(outcome.counts == hostile.counts)
        if hostile.counts != nil { #expect(outcome.setAside == hostile.setAside) }
    }

    @Test func thereAreAtLeastFortyCases() {
        #expect(Hostile.cases.count >= 40)
        #expect(Set(Hostile.cases.map(\.name)).count == Hostile.cases.count)
    }
}
