import ContextModel

@testable import ContextIngest

extension Hostile {
    static let values: [HostileCase] = [
        HostileCase(
            name: "risk levels out of range",
            files: files(
                entities: text(
                    "id,kind,label,risk_level,dob\nC-1,child,Ann,5,\nP-1,peer,Bo,0,\nX-1,perpetrator,Cy,-1,\nL-1,location,Park,4.0,\nS-1,school,Hill, 4 ,\n"
                )),
            diagnostics: [
                "entities.csv:2:15: error: risk_level '5' is out of range; expected a MACE level 1 to 4",
                "entities.csv:3:13: error: risk_level '0' is out of range; expected a MACE level 1 to 4",
                "entities.csv:4:20: error: risk_level '-1' is out of range; expected a MACE level 1 to 4",
                "entities.csv:5:19: error: risk_level '4.0' is out of range; expected a MACE level 1 to 4",
                "links.csv:2:1: error: source 'X-1' refers to an entity whose row has errors (entities.csv line 4)",
                "links.csv:2:5: error: target 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
                "links.csv:3:1: error: source 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
                "links.csv:3:5: error: target 'P-1' refers to an entity whose row has errors (entities.csv line 3)",
            ],
            counts: [1, 0, 0, 0],
            setAside: [
                "entities.csv:2", "entities.csv:3", "entities.csv:4", "entities.csv:5", "links.csv:2", "links.csv:3",
            ]),
        HostileCase(
            name: "weights out of range",
            files: files(
                links: text(
                    "source,target,kind,weight\nX-1,C-1,exploits,0\nC-1,P-1,associate,6\nP-1,X-1,associate,abc\nC-1,S-1,attends,5\n"
                )),
            diagnostics: [
                "links.csv:2:18: error: weight '0' is out of range; expected 1 to 5",
                "links.csv:3:19: error: weight '6' is out of range; expected 1 to 5",
                "links.csv:4:19: error: weight 'abc' is out of range; expected 1 to 5",
            ],
            counts: [5, 1, 0, 0], setAside: ["links.csv:2", "links.csv:3", "links.csv:4"]),
        HostileCase(
            name: "impossible dates, never echoed when personal",
            files: files(
                entities: text(
                    "id,kind,label,risk_level,dob\nC-1,child,Ann,3,2023-02-29\nP-1,peer,Bo,,2024-02-30\nX-1,perpetrator,Cy,4,2024-13-01\nL-1,location,Park,,2024-1-1\nS-1,school,Hill,,2024-02-29\n"
                )),
            diagnostics: [
                "entities.csv:2:17: error: dob is not a real date in the form YYYY-MM-DD",
                "entities.csv:3:14: error: dob is not a real date in the form YYYY-MM-DD",
                "entities.csv:4:22: error: dob is not a real date in the form YYYY-MM-DD",
                "entities.csv:5:20: error: dob is not a real date in the form YYYY-MM-DD",
                "links.csv:2:1: error: source 'X-1' refers to an entity whose row has errors (entities.csv line 4)",
                "links.csv:2:5: error: target 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
                "links.csv:3:1: error: source 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
                "links.csv:3:5: error: target 'P-1' refers to an entity whose row has errors (entities.csv line 3)",
            ],
            counts: [1, 0, 0, 0],
            setAside: [
                "entities.csv:2", "entities.csv:3", "entities.csv:4", "entities.csv:5", "links.csv:2", "links.csv:3",
            ]),
        HostileCase(
            name: "impossible link dates are echoed (not personal)",
            files: files(
                links: text(
                    "source,target,kind,first_seen,last_seen\nX-1,C-1,exploits,2024-02-30,\nC-1,P-1,associate,,99999-01-01\n"
                )),
            diagnostics: [
                "links.csv:2:18: error: first_seen value '2024-02-30' is not a real date in the form YYYY-MM-DD",
                "links.csv:3:20: error: last_seen value '99999-01-01' is not a real date in the form YYYY-MM-DD",
                "entities.csv:2:1: warning: child 'C-1' has no links",
            ],
            counts: [5, 0, 0, 0], setAside: ["links.csv:2", "links.csv:3"]),
        HostileCase(
            name: "leap day and the ends of the calendar",
            files: files(
                entities: text(
                    "id,kind,dob,updated\nC-1,child,2024-02-29,0001-01-01\nX-1,perpetrator,9999-12-31,2000-02-29\nP-1,peer,,\n"
                )),
            diagnostics: [], counts: [3, 2, 0, 0]),
        HostileCase(
            name: "gradings outside 3x5x2",
            files: files(
                links: text(
                    "source,target,kind,grading\nX-1,C-1,exploits,4A\nC-1,P-1,associate,1F\nP-1,X-1,associate,A1\n")),
            diagnostics: [
                "links.csv:2:18: error: grading '4A' is not a 3x5x2 grade; expected source 1-3 then intelligence A-E, e.g. 1A, 2B, 3E",
                "links.csv:3:19: error: grading '1F' is not a 3x5x2 grade; expected source 1-3 then intelligence A-E, e.g. 1A, 2B, 3E",
                "links.csv:4:19: error: grading 'A1' is not a 3x5x2 grade; expected source 1-3 then intelligence A-E, e.g. 1A, 2B, 3E",
                "entities.csv:2:1: warning: child 'C-1' has no links",
            ],
            counts: [5, 0, 0, 0], setAside: ["links.csv:2", "links.csv:3", "links.csv:4"]),
        HostileCase(
            name: "exploitation lists with empty parts, spaces and an unknown form",
            files: files(
                entities: text("id,kind,exploitation\nC-1,child,; cse ;;cce;\nX-1,perpetrator,cce;knives\nP-1,peer,\n")),
            // An empty item is an error (issue 12, item 16), reported once for the field.
            diagnostics: [
                "entities.csv:2:11: error: exploitation has an empty item (item 1 of 5); separate values with one ';' and none at either end",
                "entities.csv:3:17: error: unknown exploitation 'knives'; expected ';'-separated values from: cse, cce, county_lines, missing, trafficking, modern_slavery, radicalisation, youth_violence, harmful_relationship",
                "links.csv:2:1: error: source 'X-1' refers to an entity whose row has errors (entities.csv line 3)",
                "links.csv:2:5: error: target 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
                "links.csv:3:1: error: source 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
            ],
            counts: [1, 0, 0, 0], setAside: ["entities.csv:2", "entities.csv:3", "links.csv:2", "links.csv:3"]),
        HostileCase(
            name: "warnings: last_seen before first_seen, E grading, child without links",
            files: files(
                entities: text(entities + "C-2,child,Di,2,\n"),
                links: text(
                    "source,target,kind,first_seen,last_seen,grading\nX-1,C-1,exploits,2024-05-01,2024-01-01,3E\n")),
            diagnostics: [
                "links.csv:2:29: warning: last_seen is before first_seen",
                "links.csv:2:40: warning: link graded E (suspected to be false): kept out of the analysis",
                "entities.csv:7:1: warning: child 'C-2' has no links",
            ],
            counts: [6, 1, 0, 0]),
    ]

    static let text: [HostileCase] = [
        HostileCase(
            name: "labels carrying DOT, HTML, shell and path syntax",
            files: files(
                entities: text(
                    "id,kind,label\nC-1,child,\"a\"\" ] ; evil -> x [label=\"\"b\\\"\nX-1,perpetrator,<script>alert(1)</script><img src=/etc/passwd>\nP-1,peer,$(rm -rf ~); `id` | tee /tmp/x\nL-1,location,../../etc/passwd\nS-1,school,C:\\Windows\\..\\x\n"
                )),
            diagnostics: [], counts: [5, 2, 0, 0]),
        HostileCase(
            name: "right-to-left override and emoji; columns count Unicode scalars",
            files: files(
                entities: text(
                    "id,kind,label,risk_level\n\u{1F600}-1,child,\u{1F469}\u{200D}\u{1F467}\u{200D}\u{1F466},9\nX-1,perpetrator,\u{202E}txt.exe,\nC-\u{202E}2,child,,\n"
                ),
                links: text("source,target,kind\nX-1,C-\u{202E}2,exploits\nX-1,X\u{202E}gnp.exe,associate\n")),
            diagnostics: [
                "entities.csv:2:17: error: risk_level '9' is out of range; expected a MACE level 1 to 4",
                "links.csv:3:5: error: target 'X\\u{202e}gnp.exe' is not the id of any entity in entities.csv",
            ],
            counts: [2, 1, 0, 0], setAside: ["entities.csv:2", "links.csv:3"]),
        HostileCase(
            name: "spreadsheet formula payloads",
            files: files(
                entities: text(
                    "id,kind,label,area\nC-1,child,\"=HYPERLINK(\"\"http://x\"\",\"\"y\"\")\",=1+1\nX-1,perpetrator,+1+1,@SUM(A1)\nP-1,peer,-2+3,\"\t=cmd|' /C calc'!A0\"\n"
                )),
            diagnostics: [], counts: [3, 2, 0, 0]),
        HostileCase(
            name: "control characters in an id are escaped in messages",
            files: files(
                links: text("source,target,kind\nX-1,C-1,exploits\nC-1,\"P\n1\",associate\nC-1,P\u{7}1,associate\n")),
            diagnostics: [
                "links.csv:3:5: error: target 'P\\u{a}1' is not the id of any entity in entities.csv",
                "links.csv:5:5: error: target 'P\\u{7}1' is not the id of any entity in entities.csv",
            ],
            counts: [5, 1, 0, 0], setAside: ["links.csv:3", "links.csv:5"]),
    ]

    static let limits: [HostileCase] = [
        HostileCase(
            name: "a 1 MB label",
            files: files(
                entities: text(
                    "id,kind,label\nC-1,child," + String(repeating: "a", count: 1 << 20)
                        + "\nX-1,perpetrator,\nP-1,peer,\n")),
            diagnostics: [
                "entities.csv:2:11: error: field is 1048576 bytes long; limits.field_bytes allows 65536",
                "links.csv:2:5: error: target 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
                "links.csv:3:1: error: source 'C-1' refers to an entity whose row has errors (entities.csv line 2)",
            ],
            counts: [2, 0, 0, 0], setAside: ["entities.csv:2", "links.csv:2", "links.csv:3"]),
        HostileCase(
            name: "a 1 MB label under a raised limits.field_bytes",
            files: files(
                entities: text(
                    "id,kind,label\nC-1,child," + String(repeating: "a", count: 1 << 20)
                        + "\nX-1,perpetrator,\nP-1,peer,\n")),
            limits: IngestLimits(fieldBytes: 2 << 20), diagnostics: [], counts: [3, 2, 0, 0]),
        HostileCase(
            name: "3,000 columns",
            files: files(entities: wide(columns: 3000)),
            diagnostics: [
                "entities.csv:1:5040: error: the header has 3000 columns; limits.columns allows 1024",
                "links.csv:2:1: error: source 'X-1' is not the id of any entity in entities.csv",
                "links.csv:2:5: error: target 'C-1' is not the id of any entity in entities.csv",
                "links.csv:3:1: error: source 'C-1' is not the id of any entity in entities.csv",
                "links.csv:3:5: error: target 'P-1' is not the id of any entity in entities.csv",
            ],
            counts: nil),
        HostileCase(
            name: "3,000 columns under a raised limits.columns",
            files: files(entities: wide(columns: 3000)), limits: IngestLimits(columns: 5000), diagnostics: [],
            counts: [3, 2, 0, 0]),
        HostileCase(
            name: "more rows than limits.rows_per_file",
            files: files(links: text(links + "P-1,X-1,associate\nC-1,S-1,attends\n")),
            limits: IngestLimits(rowsPerFile: 3),
            diagnostics: [
                "entities.csv:5:1: error: more than 3 data rows; limits.rows_per_file allows 3",
                "links.csv:5:1: error: more than 3 data rows; limits.rows_per_file allows 3",
            ],
            counts: nil),
    ]

    /// Entities with `columns` columns: id, kind, then free attributes `a3`...
    static func wide(columns: Int) -> [UInt8] {
        let header = ["id", "kind"] + (3...columns).map { "a\($0)" }
        let filler = Array(repeating: "v", count: columns - 2)
        let rows = [["C-1", "child"], ["X-1", "perpetrator"], ["P-1", "peer"]].map {
            ($0 + filler).joined(separator: ",")
        }
        return text(([header.joined(separator: ",")] + rows).joined(separator: "\n") + "\n")
    }

    static let otherFiles: [HostileCase] = [
        HostileCase(
            name: "events naming the wrong things",
            files: files(
                events: text(
                    "date,kind,entity,location,notes\n2024-01-01,sighting,L-1,,Secret-Note\n2024-01-02,found_at,C-1,S-1,\n2024-02-30,incident,C-1,,\n2024-01-03,party,C-1,,\n2024-01-04,weapon,X-1,L-1,Secret-Note\n"
                )),
            diagnostics: [
                "events.csv:2:21: error: entity of an event must be a person, not a location",
                "events.csv:3:25: error: location of an event must be a location, not a school",
                "events.csv:4:1: error: date value '2024-02-30' is not a real date in the form YYYY-MM-DD",
                "events.csv:5:12: error: unknown kind 'party'; expected one of: missing_episode, found_at, incident, arrest, stop_search, weapon, sighting, referral",
            ],
            counts: [5, 2, 1, 0], setAside: ["events.csv:2", "events.csv:3", "events.csv:4", "events.csv:5"]),
        HostileCase(
            name: "actions naming unknown things",
            files: files(
                actions: text(
                    "date,target,kind,agency,notes\n2024-01-01,L-1,closure,army,\n2024-01-01,Q-9,patrol,police,\n2024-01-01,L-1,patrol,police,Secret\n"
                )),
            diagnostics: [
                "actions.csv:2:24: error: unknown agency 'army'; expected one of: police, social_care, education, health, yot, community_safety, housing, voluntary",
                "actions.csv:3:12: error: target 'Q-9' is not the id of any entity in entities.csv",
            ],
            counts: [5, 2, 0, 1], setAside: ["actions.csv:2", "actions.csv:3"]),
        HostileCase(
            name: "events file with a missing column is unusable but optional",
            files: files(events: text("date,kind\n2024-01-01,sighting\n")),
            diagnostics: ["events.csv:1:1: error: missing required column 'entity'"], counts: [5, 2, 0, 0]),
    ]
}
