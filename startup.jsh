// mlscratch's JShell start-up. Started by scripts/mlshell, or by hand from the project root after a build:
//     jshell --startup startup.jsh
// The first line must stay first: /env resets JShell, dropping whatever ran before it.
/open target/classpath.jsh

// --startup replaces JShell's DEFAULT start-up, so the JDK comes back in here.
import module java.base;

// The library: one line per package (a package that does not exist yet fails its line; add it when it lands).
import mlscratch.linalg.*;
import mlscratch.data.*;
import mlscratch.metrics.*;
import mlscratch.model.*;
import mlscratch.optim.*;
import mlscratch.plot.*;
import mlscratch.regression.*;
import mlscratch.classification.*;
import mlscratch.clustering.*;
import mlscratch.decomposition.*;
import mlscratch.nn.*;
import mlscratch.util.*;
import static mlscratch.repl.Shell.*;
import static mlscratch.drill.Drills.*;

banner();
