//! The case files of the analyzers' unit tests (`attribution/cases.txt`,
//! `dates/cases.txt`): text written for each rule, with what the rule must
//! find in it. Lines starting `# ` are comments; a case opens with `## ` and
//! its name; a line starting `=> ` holds an expectation, its two parts
//! split at ` | `; every other line is the case's text, one entry a line.

/// One case of a case file.
pub(crate) struct Case<'a> {
    /// The name after `## `.
    pub(crate) name: &'a str,
    /// The text lines, in order.
    pub(crate) lines: Vec<&'a str>,
    /// The `=> a | b` lines, in order.
    pub(crate) expect: Vec<(&'a str, &'a str)>,
}

/// The cases of a case file; panics, naming the line, on one it cannot read.
pub(crate) fn read(file: &str) -> Vec<Case<'_>> {
    let mut cases: Vec<Case<'_>> = Vec::new();
    for line in file
        .lines()
        .filter(|l| !l.is_empty() && !l.starts_with("# "))
    {
        if let Some(name) = line.strip_prefix("## ") {
            let (lines, expect) = (Vec::new(), Vec::new());
            cases.push(Case {
                name,
                lines,
                expect,
            });
            continue;
        }
        let case = cases
            .last_mut()
            .unwrap_or_else(|| panic!("{line:?} before any `## name`"));
        match line.strip_prefix("=> ") {
            Some(check) => {
                let parts = check.split_once(" | ");
                case.expect
                    .push(parts.unwrap_or_else(|| panic!("{line:?} has no ` | `")));
            }
            None => case.lines.push(line),
        }
    }
    cases
}
