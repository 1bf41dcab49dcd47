package io.tinynets.lab.sequence.ui;

import io.tinynets.engine.optim.OptimizerKind;
import io.tinynets.engine.recurrent.CellKind;
import io.tinynets.lab.sequence.SequenceConfig;
import io.tinynets.lab.sequence.SequenceTaskKind;

/** The mutable bean the lab's Binder edits; {@link #toConfig()} turns it into the immutable run configuration. */
class SequenceValues {

    private SequenceTaskKind task;
    private Integer delay;
    private Integer length;
    private String text = "";
    private boolean race;
    private CellKind cell;
    private Integer hidden;
    private OptimizerKind optimizer;
    private Double learningRate;
    private Double clipping;
    private boolean carryGate;
    private Integer seed = 1;

    void load(SequenceConfig c) {
        task = c.task();
        delay = c.delay();
        length = c.length();
        text = c.customText();
        race = c.race();
        cell = c.cell();
        hidden = c.hidden();
        optimizer = c.optimizer();
        learningRate = c.learningRate();
        clipping = c.clipping();
        carryGate = c.carryGateOpen();
    }

    SequenceConfig toConfig() {
        return new SequenceConfig(task, delay == null ? 0 : delay, length == null ? 0 : length, text, cell, race,
                hidden == null ? 0 : hidden, optimizer, learningRate == null ? 0 : learningRate,
                clipping == null ? -1 : clipping, carryGate);
    }

    boolean delayMatters() {
        return task != null && task.usesDelay();
    }

    SequenceTaskKind getTask() {
        return task;
    }

    void setTask(SequenceTaskKind task) {
        this.task = task;
    }

    Integer getDelay() {
        return delay;
    }

    void setDelay(Integer delay) {
        this.delay = delay;
    }

    Integer getLength() {
        return length;
    }

    void setLength(Integer length) {
        this.length = length;
    }

    String getText() {
        return text;
    }

    void setText(String text) {
        this.text = text == null ? "" : text;
    }

    boolean isRace() {
        return race;
    }

    void setRace(boolean race) {
        this.race = race;
    }

    CellKind getCell() {
        return cell;
    }

    void setCell(CellKind cell) {
        this.cell = cell;
    }

    Integer getHidden() {
        return hidden;
    }

    void setHidden(Integer hidden) {
        this.hidden = hidden;
    }

    OptimizerKind getOptimizer() {
        return optimizer;
    }

    void setOptimizer(OptimizerKind optimizer) {
        this.optimizer = optimizer;
    }

    Double getLearningRate() {
        return learningRate;
    }

    void setLearningRate(Double learningRate) {
        this.learningRate = learningRate;
    }

    Double getClipping() {
        return clipping;
    }

    void setClipping(Double clipping) {
        this.clipping = clipping;
    }

    boolean isCarryGate() {
        return carryGate;
    }

    void setCarryGate(boolean carryGate) {
        this.carryGate = carryGate;
    }

    Integer getSeed() {
        return seed;
    }

    void setSeed(Integer seed) {
        this.seed = seed;
    }
}
