/// The shell around the library: what `scripts/mlshell` starts and `startup.jsh` imports.
///
/// - [mlscratch.repl.Shell]: `help()`, `help(x)`, `tutorials()`, and the `cell`, `show`, `check` and
///   `checkClose` calls that tutorials are made of.
/// - [mlscratch.repl.ShellExecution]: the JShell execution engine (`--execution mlscratch`) that runs
///   snippets in-process, without loop instrumentation, with Ctrl-C reaching library loops through
///   [mlscratch.util.Progress].
/// - [mlscratch.repl.TutorialRunner]: runs a `.jsh` file headless and reports the first failure; the test
///   suite runs every tutorial through it.
package mlscratch.repl;
