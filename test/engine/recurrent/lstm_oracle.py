"""The seed's LSTM (figure 5.2) transcribed with numpy, as an oracle for the
TypeScript cell. Reads JSON from stdin: {"W_r": [[..]], "U_r": .., "b_r": ..,
... for r, s, f, l, "xs": [[x_1], .., [x_T]]}; writes the per-step values."""
import json
import sys

import numpy as np


def sigma(z):
    return 1.0 / (1.0 + np.exp(-z))


def main():
    spec = json.load(sys.stdin)
    m = {k: np.array(v, dtype=np.float64) for k, v in spec.items() if k != "xs"}
    d = m["b_r"].shape[0]
    ltm = np.zeros(d)
    wm = np.zeros(d)
    steps = []
    for x in spec["xs"]:
        x = np.array(x, dtype=np.float64)
        rem = sigma(m["W_r"] @ x + m["U_r"] @ wm + m["b_r"])
        save = sigma(m["W_s"] @ x + m["U_s"] @ wm + m["b_s"])
        focus = sigma(m["W_f"] @ x + m["U_f"] @ wm + m["b_f"])
        cand = np.tanh(m["W_l"] @ x + m["U_l"] @ wm + m["b_l"])
        ltm = rem * ltm + save * cand
        wm = focus * np.tanh(ltm)
        steps.append({k: v.tolist() for k, v in
                      {"rem": rem, "save": save, "focus": focus, "candidate": cand, "ltm": ltm, "wm": wm}.items()})
    json.dump({"steps": steps}, sys.stdout)


main()
