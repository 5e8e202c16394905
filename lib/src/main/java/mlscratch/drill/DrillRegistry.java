package mlscratch.drill;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.TreeMap;

/// Every drill of every [DrillSet] listed in `META-INF/services/mlscratch.drill.DrillSet`, loaded once.
/// Ids are unique across sets (a duplicate fails loudly, naming both sets).
public final class DrillRegistry {
    private DrillRegistry() {}

    private static volatile List<Drill> all;

    /// All drills, by topic, then difficulty, then the order of their set.
    public static List<Drill> all() {
        List<Drill> a = all;
        if (a == null) {
            synchronized (DrillRegistry.class) {
                if (all == null) all = load(ServiceLoader.load(DrillSet.class, DrillSet.class.getClassLoader()));
                a = all;
            }
        }
        return a;
    }

    static List<Drill> load(Iterable<DrillSet> sets) {
        var byId = new LinkedHashMap<String, Drill>();
        var owner = new LinkedHashMap<String, String>();
        for (DrillSet set : sets) {
            List<Drill> drills;
            try {
                drills = set.drills();
            } catch (RuntimeException e) {
                throw new IllegalStateException("DrillRegistry: " + set.getClass().getSimpleName()
                        + " could not build its drills: " + e.getMessage(), e);
            }
            for (Drill d : drills) {
                String prev = owner.putIfAbsent(d.id(), set.getClass().getSimpleName());
                if (prev != null) {
                    throw new IllegalStateException("DrillRegistry: drill id '" + d.id() + "' is defined by both "
                            + prev + " and " + set.getClass().getSimpleName());
                }
                byId.put(d.id(), d);
            }
        }
        var list = new ArrayList<>(byId.values());
        list.sort(Comparator.comparing(Drill::topic).thenComparing(Drill::difficulty));
        return List.copyOf(list);
    }

    /// The drill `id`.
    public static Optional<Drill> find(String id) {
        return all().stream().filter(d -> d.id().equals(id)).findFirst();
    }

    /// The drill `id`, or an IllegalArgumentException suggesting the closest ids.
    public static Drill get(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("drill: no drill '" + id + "'"
                + suggest(id) + " — drills() lists them all"));
    }

    /// Drills grouped by topic (sorted), each group sorted by difficulty.
    public static Map<String, List<Drill>> byTopic() {
        var m = new TreeMap<String, List<Drill>>();
        for (Drill d : all()) m.computeIfAbsent(d.topic(), k -> new ArrayList<>()).add(d);
        return m;
    }

    public static List<String> topics() { return List.copyOf(byTopic().keySet()); }

    private static String suggest(String id) {
        var close = all().stream().map(Drill::id)
                .filter(x -> x.contains(id == null ? "" : id) || (id != null && id.contains(x)) || distance(x, id) <= 3)
                .limit(3).toList();
        return close.isEmpty() ? "" : "; did you mean " + String.join(", ", close) + "?";
    }

    private static int distance(String a, String b) {
        if (b == null) return Integer.MAX_VALUE;
        int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) prev[j] = j;
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                cur[j] = Math.min(Math.min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
            }
            var t = prev; prev = cur; cur = t;
        }
        return prev[b.length()];
    }
}
