package mlscratch.linalg;

import static mlscratch.linalg.KernelsTest.*;
import static org.junit.jupiter.api.Assertions.*;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.random.RandomGenerator;

import org.junit.jupiter.api.Test;

/// The Vector API micro-kernel ([VectorKernels]) and the scalar fallback, each called directly through
/// `Kernels.gemm(…, parallel, vector)`, against the textbook loop: every layout (AB, AᵀB, ABᵀ, AᵀBᵀ through
/// strides), sequential and parallel, over shapes that hit each edge of the blocking — partial MR = 4 row
/// strips, partial NR-column strips (NR = two vectors), more than one KC = 256 panel (split into equal panels), more than one
/// MC = 64 row block, and packing buffers reused from an earlier call.
class VectorKernelsTest {

    @org.junit.jupiter.api.BeforeAll static void warmTheVectorMicroKernel() {
        // so that the tests below run the Vector API micro-kernel, not only its scalar twin
        assertTrue(VectorKernels.warmUp(), "the vector micro-kernel should compile within a minute");
    }

    @Test void theScalarTwinOfTheMicroKernelGivesTheSameBits() {
        // before the warm-up the same blocking runs microScalar: a product must not depend on when it ran
        RandomGenerator rng = Rng.of(17);
        for (int[] s : new int[][] {{1, 1, 1}, {7, 33, 9}, {65, 300, 70}, {130, 513, 17}}) {
            int m = s[0], n = s[1], p = s[2];
            double[] A = uniform(m * n, rng), B = uniform(n * p, rng), C1 = garbage(m * p), C2 = garbage(m * p);
            VectorKernels.gemmBlock(0, m, 0, p, n, p, A, n, 1, B, p, 1, C1, true);
            VectorKernels.gemmBlock(0, m, 0, p, n, p, A, n, 1, B, p, 1, C2, false);
            assertArrayEquals(C1, C2, m + "×" + n + "·" + n + "×" + p);
            assertProduct("scalar twin", m, n, p, A, B, C2);
        }
    }

    @Test void theTestJvmHasTheVectorModule() {
        // surefire's argLine adds jdk.incubator.vector: without it every other test here would only see the fallback
        assertTrue(Kernels.VECTOR, "jdk.incubator.vector is not in the boot layer: check surefire's argLine");
    }

    @Test void withoutTheModuleTheScalarKernelRunsAndVectorKernelsIsNeverLoaded() throws IOException, InterruptedException {
        // A fresh JVM without --add-modules: Matrix.times must still work, and -verbose:class must not list
        // VectorKernels (loading it would fail there: it links against jdk.incubator.vector).
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process proc = new ProcessBuilder(List.of(java, "-verbose:class", "-cp", System.getProperty("java.class.path"),
                ScalarOnlyMain.class.getName())).redirectErrorStream(true).start();
        String out = new String(proc.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, proc.waitFor(), out);
        assertTrue(out.contains("VECTOR=false ok"), out);
        assertTrue(out.contains("mlscratch.linalg.Kernels "), "-verbose:class lists loaded classes");   // the check below can fail
        assertFalse(out.contains("mlscratch.linalg.VectorKernels"), "VectorKernels was loaded without the module");
        assertTrue(out.contains("mlscratch.linalg.Elementwise "), "the elementwise dispatch ran");
        assertFalse(out.contains("mlscratch.linalg.VectorElementwise"), "VectorElementwise was loaded without the module");
    }

    @Test void vectorGemmMatchesTheTextbookLoopOverAllShapes() {
        RandomGenerator rng = Rng.of(11);
        for (int m : SIZES)
            for (int n : SIZES)
                for (int p : SIZES) checkLayouts(m, n, p, rng, true);
    }

    @Test void vectorGemmMatchesTheTextbookLoopOnLargeAndNonSquareShapes() {
        RandomGenerator rng = Rng.of(12);
        // 1023: many row strips and blocks, odd; n = 513 > 2·KC; p = 257 = 32 strips + 1 column; 1 × … and … × 1
        int[][] shapes = {{1023, 513, 130}, {130, 1023, 67}, {73, 257, 1023}, {1, 600, 300}, {300, 600, 1}, {4, 256, 8}, {5, 255, 9}, {6, 257, 7}};
        for (int[] s : shapes) checkLayouts(s[0], s[1], s[2], rng, true);
    }

    @Test void scalarFallbackStillMatchesTheTextbookLoop() {
        // the path a JVM without jdk.incubator.vector takes (e.g. a plain `jshell --startup startup.jsh`)
        RandomGenerator rng = Rng.of(13);
        for (int m : SIZES)
            for (int n : SIZES)
                for (int p : SIZES) checkLayouts(m, n, p, rng, false);
        for (int[] s : new int[][] {{67, 131, 300}, {3, 257, 513}, {257, 129, 1}}) checkLayouts(s[0], s[1], s[2], rng, false);
    }

    @Test void vectorGemmGivesTheSameBitsSequentialAndParallel() {
        // per entry the additions run in k order, one fma chain per KC panel, whatever the split over threads
        RandomGenerator rng = Rng.of(14);
        int m = 301, n = 517, p = 513;
        double[] A = uniform(m * n, rng), B = uniform(n * p, rng), C1 = garbage(m * p), C2 = garbage(m * p);
        Kernels.gemm(m, n, p, A, n, 1, B, p, 1, C1, false, true);
        Kernels.gemm(m, n, p, A, n, 1, B, p, 1, C2, true, true);
        assertArrayEquals(C1, C2);
    }

    @Test void readingRowsOfLInPlaceOrPackedGivesTheSameBits() {
        // L = A (ak = 1) is read in place; the same L stored transposed (ar = 1, ak = m) is read in place too
        // while a k panel spans little (the MLP's Xᵀδ), else packed first: same fma chain per entry on every
        // route. m = 67 and 1023 leave a partial MR strip, whose missing rows the in-place route fills with
        // copies of the last row; the MLP shapes split by columns.
        assertTrue(VectorKernels.inPlace(64, 1, 784), "Xᵀδ reads X in place");
        assertFalse(VectorKernels.inPlace(513, 1, 1023), "a 1023-row Aᵀ is packed");
        RandomGenerator rng = Rng.of(18);
        for (int[] s : new int[][] {{67, 300, 70}, {1023, 513, 40}, {130, 513, 257}, {64, 784, 128}, {784, 64, 128}, {64, 128, 784}, {3, 5, 1000}}) {
            int m = s[0], n = s[1], p = s[2];
            double[] A = uniform(m * n, rng), B = uniform(n * p, rng), At = transpose(m, n, A);
            for (boolean parallel : new boolean[] {false, true}) {
                double[] inPlace = garbage(m * p), packed = garbage(m * p), sequential = garbage(m * p);
                Kernels.gemm(m, n, p, A, n, 1, B, p, 1, inPlace, parallel, true);
                Kernels.gemm(m, n, p, At, 1, m, B, p, 1, packed, parallel, true);
                Kernels.gemm(m, n, p, A, n, 1, B, p, 1, sequential, false, true);
                assertArrayEquals(packed, inPlace, m + "×" + n + "·" + n + "×" + p + " parallel=" + parallel);
                assertArrayEquals(sequential, inPlace, "split over tasks " + m + "×" + n + "·" + n + "×" + p);
            }
        }
    }

    @Test void vectorGemmOfIdentityReturnsTheOtherFactor() {
        // I·B = B exactly: each entry is fma(1, b, 0) = b, plus exact zeros from the other KC panels (n = 300 > KC)
        RandomGenerator rng = Rng.of(15);
        int n = 300, p = 270;
        double[] I = new double[n * n], B = uniform(n * p, rng), C = garbage(n * p);
        for (int i = 0; i < n; i++) I[i * n + i] = 1;
        Kernels.gemm(n, n, p, I, n, 1, B, p, 1, C, true, true);
        assertArrayEquals(B, C);
    }

    @Test void packingBuffersReusedAcrossCallsNeverLeakStaleEntries() {
        // Each thread keeps its packing buffers between calls: a big product fills them, then smaller ones with
        // partial MR/NR strips must still see zeros in the padding, not the previous call's entries.
        RandomGenerator rng = Rng.of(16);
        int[][] shapes = {{130, 300, 70}, {5, 7, 9}, {33, 257, 3}, {1, 513, 1}, {64, 784, 128}, {3, 2, 5}};
        for (int[] s : shapes) {
            int m = s[0], n = s[1], p = s[2];
            double[] A = uniform(m * n, rng), B = uniform(n * p, rng), C = garbage(m * p);
            Kernels.gemm(m, n, p, A, n, 1, B, p, 1, C, false, true);
            assertProduct("vector AB after other shapes", m, n, p, A, B, C);
        }
    }

    @Test void vectorGemmHandComputed() {
        // [1 2; 3 4]·[5 6; 7 8] = [19 22; 43 50], and [1 2 3]·[1 0; 0 1; 1 1] = [4 5] (see KernelsTest)
        double[] C = new double[4], D = new double[2];
        Kernels.gemm(2, 2, 2, new double[] {1, 2, 3, 4}, 2, 1, new double[] {5, 6, 7, 8}, 2, 1, C, false, true);
        assertArrayEquals(new double[] {19, 22, 43, 50}, C);
        Kernels.gemm(1, 3, 2, new double[] {1, 2, 3}, 3, 1, new double[] {1, 0, 0, 1, 1, 1}, 2, 1, D, false, true);
        assertArrayEquals(new double[] {4, 5}, D);
    }

    /// AB, AᵀB, ABᵀ and AᵀBᵀ (through strides), each sequential and parallel, on the chosen kernel.
    static void checkLayouts(int m, int n, int p, RandomGenerator rng, boolean vector) {
        double[] A = uniform(m * n, rng), B = uniform(n * p, rng);
        double[] At = transpose(m, n, A), Bt = transpose(n, p, B);
        String kernel = vector ? "vector " : "scalar ";
        for (boolean parallel : new boolean[] {false, true}) {
            double[] C = garbage(m * p);
            Kernels.gemm(m, n, p, A, n, 1, B, p, 1, C, parallel, vector);            // L = A, R = B
            assertProduct(kernel + "AB parallel=" + parallel, m, n, p, A, B, C);
            C = garbage(m * p);
            Kernels.gemm(m, n, p, At, 1, m, B, p, 1, C, parallel, vector);           // Aᵀ stored n×m
            assertProduct(kernel + "AᵀB parallel=" + parallel, m, n, p, A, B, C);
            C = garbage(m * p);
            Kernels.gemm(m, n, p, A, n, 1, Bt, 1, n, C, parallel, vector);           // Bᵀ stored p×n
            assertProduct(kernel + "ABᵀ parallel=" + parallel, m, n, p, A, B, C);
            C = garbage(m * p);
            Kernels.gemm(m, n, p, At, 1, m, Bt, 1, n, C, parallel, vector);          // both
            assertProduct(kernel + "AᵀBᵀ parallel=" + parallel, m, n, p, A, B, C);
        }
    }
}
