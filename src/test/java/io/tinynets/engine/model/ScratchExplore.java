package io.tinynets.engine.model;

import io.tinynets.data.sequence.*;
import io.tinynets.engine.optim.*;
import io.tinynets.engine.recurrent.*;
import java.util.SplittableRandom;

public class ScratchExplore {
    public static void main(String[] a) {
        int K = Integer.parseInt(a[0]), H = Integer.parseInt(a[1]), batch = Integer.parseInt(a[2]);
        double lr = Double.parseDouble(a[3]);
        for (CellKind kind : CellKind.values()) {
            SplittableRandom rnd = new SplittableRandom(1);
            DelayedRecallTask task = new DelayedRecallTask(K, 20, a.length > 4);
            SequenceModel m = new SequenceModel(kind, task.inputSize(), H, K, false, true, rnd);
            m.setClipping(new GradientClipping(1.0)); if (m.cell() instanceof LstmCell l && a.length > 5) l.setForgetGateBias(Double.parseDouble(a[5]));
            Optimizer opt = OptimizerConfig.of(OptimizerKind.ADAM, lr).create();
            SequenceBatch test = task.batch(256, new SplittableRandom(99));
            long t0 = System.nanoTime();
            for (int s = 1; s <= 800; s++) {
                SequenceBatch b = task.batch(batch, rnd);
                m.trainStep(b.inputs(), b.targets(), opt);
                if (s % 100 == 0) {
                    System.out.printf("%s step %d acc %.3f loss %.4f  %.0f ms%n", kind, s, m.accuracy(test.inputs(), test.targets()), m.evaluate(test.inputs(), test.targets()), (System.nanoTime()-t0)/1e6);
                }
            }
            SequenceBatch one = task.batch(1, new SplittableRandom(5));
            GradientFlow f = m.gradientFlow(one.inputs(), one.targets());
            System.out.println(kind + " h0 norm " + f.hidden()[0] + " hT " + f.hidden()[f.length()-1] + (f.cell()!=null? " c0 " + f.cell()[0]:""));
        }
    }
}
