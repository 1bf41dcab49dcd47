#!/usr/bin/env python3
"""Reference trajectories for OptimizerReferenceTest, written independently of the Java engine.

Plain Python floats, one coordinate at a time, each update rule spelled out as PyTorch documents it (torch.optim.SGD
with momentum and nesterov, RMSprop with alpha = rho, Adagrad, Adam). Regenerate with

    python3 src/test/resources/reference/optimizers/optimizer_steps.py > src/test/resources/reference/optimizers/optimizer-steps.json

Two parameters ("a": 1x2, "b": 1x1) descend a coupled, non-quadratic objective whose gradient is polynomial (so
Python and Java compute it to the same bits):

    g_a0 = (a0 - 1) + 0.5*a1
    g_a1 = 10*(a1 + 0.5) + 0.5*a0
    g_b0 = b0**3 - b0            (a double well: the gradient changes sign along the way)

Every case records, after each of its steps, the parameters and each optimizer buffer under the engine's names
(velocity, square_avg, sum, m, v), so a wrong state (momentum, bias correction, accumulated squares) shows at the
step it goes wrong.
"""
import json
import math

STEPS = 10


def gradient(a, b):
    return [(a[0] - 1.0) + 0.5 * a[1], 10.0 * (a[1] + 0.5) + 0.5 * a[0]], [b[0] ** 3 - b[0]]


def sgd(w, g, state, h, t):
    for i in range(len(w)):
        w[i] = w[i] - h["learningRate"] * g[i]


def momentum(w, g, state, h, t, nesterov=False):
    v = state.setdefault("velocity", [0.0] * len(w))
    for i in range(len(w)):
        v[i] = h["momentum"] * v[i] + g[i]
        step = g[i] + h["momentum"] * v[i] if nesterov else v[i]
        w[i] = w[i] - h["learningRate"] * step


def nesterov(w, g, state, h, t):
    momentum(w, g, state, h, t, nesterov=True)


def rmsprop(w, g, state, h, t):
    s = state.setdefault("square_avg", [0.0] * len(w))
    for i in range(len(w)):
        s[i] = h["rho"] * s[i] + (1.0 - h["rho"]) * g[i] * g[i]
        w[i] = w[i] - h["learningRate"] * g[i] / (math.sqrt(s[i]) + h["epsilon"])


def adagrad(w, g, state, h, t):
    s = state.setdefault("sum", [0.0] * len(w))
    for i in range(len(w)):
        s[i] = s[i] + g[i] * g[i]
        w[i] = w[i] - h["learningRate"] * g[i] / (math.sqrt(s[i]) + h["epsilon"])


def adam(w, g, state, h, t):
    m = state.setdefault("m", [0.0] * len(w))
    v = state.setdefault("v", [0.0] * len(w))
    b1, b2 = h["beta1"], h["beta2"]
    for i in range(len(w)):
        m[i] = b1 * m[i] + (1.0 - b1) * g[i]
        v[i] = b2 * v[i] + (1.0 - b2) * g[i] * g[i]
        m_hat = m[i] / (1.0 - b1 ** t)
        v_hat = v[i] / (1.0 - b2 ** t)
        w[i] = w[i] - h["learningRate"] * m_hat / (math.sqrt(v_hat) + h["epsilon"])


RULES = {"sgd": sgd, "momentum": momentum, "nesterov": nesterov, "rmsprop": rmsprop, "adagrad": adagrad,
         "adam": adam}
DEFAULTS = {"momentum": 0.9, "beta1": 0.9, "beta2": 0.999, "rho": 0.9, "epsilon": 1e-8}
# each kind at PyTorch's defaults and at unusual hyperparameters (a rule that ignored one would pass the first only)
CASES = [
    ("sgd", 0.05, {}), ("sgd", 0.011, {}),
    ("momentum", 0.02, {}), ("momentum", 0.03, {"momentum": 0.55}),
    ("nesterov", 0.02, {}), ("nesterov", 0.03, {"momentum": 0.55}),
    ("rmsprop", 0.01, {}), ("rmsprop", 0.05, {"rho": 0.7, "epsilon": 1e-3}),
    ("adagrad", 0.1, {}), ("adagrad", 0.4, {"epsilon": 0.01}),
    ("adam", 0.05, {}), ("adam", 0.1, {"beta1": 0.6, "beta2": 0.95, "epsilon": 1e-4}),
]


def run(kind, lr, overrides):
    h = dict(DEFAULTS, learningRate=lr, **overrides)
    a, b = [2.0, -1.5], [0.3]
    state = {"a": {}, "b": {}}
    steps = []
    for t in range(1, STEPS + 1):
        ga, gb = gradient(a, b)
        RULES[kind](a, ga, state["a"], h, t)
        RULES[kind](b, gb, state["b"], h, t)
        steps.append({"params": {"a": list(a), "b": list(b)},
                      "buffers": {p: {name: list(values) for name, values in state[p].items()} for p in state}})
    return {"kind": kind, "hyperparameters": h, "initial": {"a": [2.0, -1.5], "b": [0.3]}, "steps": steps}


if __name__ == "__main__":
    print(json.dumps({"generatedBy": "optimizer_steps.py", "cases": [run(*c) for c in CASES]}, indent=1))
