/// Drills: small ML functions to write from memory (interview practice), checked numerically, plus flash cards.
///
/// ```
/// drills()                                   list by topic and difficulty          (Drills, in JShell)
/// drill("softmax")                           statement + starter
/// check("softmax", z -> softmax(z))          one line per test; hint(…), solution(…), explain(…)
/// scripts/drill                              the same in a terminal UI, timed mode, flash cards (DrillCli)
/// ```
/// Writing drills: a [mlscratch.drill.DrillSet] per topic file (`mlscratch.drill.bank.*`), listed in
/// `META-INF/services/mlscratch.drill.DrillSet`; each [mlscratch.drill.Drill] is built with `Drill.builder(id)`,
/// its reference solution is run on every [mlscratch.drill.DrillCase] to get the expected answer, and
/// [mlscratch.drill.Expect] says how to compare (`close`, `gradient` by finite differences, `atLeast`/`atMost` a
/// score, or a custom judge). See `bank/Examples.java` for one drill of each kind.
package mlscratch.drill;
