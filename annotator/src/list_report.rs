//! Describing lists in type-conflict reports: `list of int` rather than
//! `list`, and notes naming where each list's item type came from (two
//! list definitions whose item types clash cannot be merged, and the
//! variable, argument or container where they meet reports it).

use crate::annotate::Annotator;
use crate::model::SomeValue;
use rpy_syntax::Diagnostic;

impl<'p> Annotator<'p> {
    /// `describe_in`, with list item types spelled out.
    pub fn describe_deep(&self, s: &SomeValue) -> String {
        self.describe_depth(s, 3)
    }

    fn describe_depth(&self, s: &SomeValue, depth: u32) -> String {
        match s {
            SomeValue::List { def, nullable } if depth > 0 => {
                let item = &self.listdef(*def).item;
                let inner = if item.is_impossible() {
                    "unknown items".to_string()
                } else {
                    self.describe_depth(item, depth - 1)
                };
                let none = if *nullable { " or None" } else { "" };
                if inner.contains(" or ") || inner.contains(" of ") {
                    format!("list of ({inner}){none}")
                } else {
                    format!("list of {inner}{none}")
                }
            }
            SomeValue::Tuple(items) if depth > 0 => {
                let parts: Vec<String> = items
                    .iter()
                    .map(|i| self.describe_depth(i, depth - 1))
                    .collect();
                format!("tuple[{}]", parts.join(", "))
            }
            other => other.describe_in(self.prog),
        }
    }

    /// Notes on where the item types of the lists in `a` and `b` come from
    /// (when both are lists with known origins).
    pub fn list_item_notes(&self, a: &SomeValue, b: &SomeValue, mut d: Diagnostic) -> Diagnostic {
        let (SomeValue::List { def: da, .. }, SomeValue::List { def: db, .. }) = (a, b) else {
            return d;
        };
        for def in [*da, *db] {
            let ld = self.listdef(def);
            if let Some(span) = ld.origin {
                d = d.with_note(
                    Some(span),
                    format!(
                        "the items of one list are {} because of this",
                        self.describe_deep(&ld.item)
                    ),
                );
            }
        }
        d
    }
}
