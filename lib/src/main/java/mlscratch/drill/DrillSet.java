package mlscratch.drill;

import java.util.List;

/// A file of drills on one topic (e.g. `mlscratch.drill.bank.LinearAlgebra`). The registry finds every set
/// through [java.util.ServiceLoader]: list the class, one per line, in
/// `lib/src/main/resources/META-INF/services/mlscratch.drill.DrillSet`. A set needs a public no-argument constructor.
public interface DrillSet {
    /// The drills of this set, in the order a learner should meet them.
    List<Drill> drills();
}
