// Written by the build (from lib/src/main/shell/classpath.jsh): the library and its runtime dependencies
// on JShell's class path, and jdk.incubator.vector (the fast matrix product; without it the scalar one runs).
// startup.jsh opens it; `/env` resets JShell, so it must come first there.
/env --class-path ${project.build.outputDirectory}${path.separator}${mlscratch.runtime.classpath} --add-modules jdk.incubator.vector
