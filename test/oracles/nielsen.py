#!/usr/bin/env python3
"""An oracle for Neuroloom's tests: our own short transcription of what the
book's network.py and network2.py compute (Nielsen, "Neural Networks and Deep
Learning", chapters 1 to 3), written with numpy in the book's column-vector
style so it can be read beside the text.

One difference, on purpose: SGD does NOT shuffle, so runs compare exactly.
network.py's update is network2.py's with lmbda = 0 (the decay factor is then
exactly 1.0), so one class covers both recipes.

Usage:
  nielsen.py init SIZES --seed S --cost C --out NET.json   (network2.py's default initialiser)
  nielsen.py predict NET.json DATA.json                    (prints {"outputs": [[...], ...]})
  nielsen.py train NET.json DATA.json --epochs E --batch M --eta X [--lambda L] [--cost C] --out OUT.json
DATA.json is {"x": [[...], ...], "y": [[...], ...]} ("y" is not needed to predict).
"""
import argparse
import json
import sys

import numpy as np


def sigmoid(z):
    return 1.0 / (1.0 + np.exp(-z))


def sigmoid_prime(z):
    return sigmoid(z) * (1.0 - sigmoid(z))


class QuadraticCost:
    """C = 1/2 ||a - y||^2, so delta^L = (a - y) * sigma'(z^L) (eq. BP1)."""

    @staticmethod
    def delta(z, a, y):
        return (a - y) * sigmoid_prime(z)


class CrossEntropyCost:
    """The sigma'(z) factor cancels: delta^L = a - y (section 3.1)."""

    @staticmethod
    def delta(z, a, y):
        return a - y


COSTS = {"QuadraticCost": QuadraticCost, "CrossEntropyCost": CrossEntropyCost}


class Network:
    def __init__(self, sizes, cost, weights, biases):
        self.sizes = list(sizes)
        self.cost = cost
        self.weights = weights  # weights[l] has shape (sizes[l+1], sizes[l])
        self.biases = biases  # biases[l] has shape (sizes[l+1], 1)

    def feedforward(self, a):
        for w, b in zip(self.weights, self.biases):
            a = sigmoid(np.dot(w, a) + b)
        return a

    def SGD(self, training_data, epochs, mini_batch_size, eta, lmbda=0.0):
        n = len(training_data)
        for _ in range(epochs):
            # The book calls random.shuffle(training_data) here.
            for k in range(0, n, mini_batch_size):
                self.update_mini_batch(training_data[k:k + mini_batch_size], eta, lmbda, n)

    def update_mini_batch(self, mini_batch, eta, lmbda, n):
        nabla_w = [np.zeros(w.shape) for w in self.weights]
        nabla_b = [np.zeros(b.shape) for b in self.biases]
        for x, y in mini_batch:
            delta_nabla_w, delta_nabla_b = self.backprop(x, y)
            nabla_w = [nw + dnw for nw, dnw in zip(nabla_w, delta_nabla_w)]
            nabla_b = [nb + dnb for nb, dnb in zip(nabla_b, delta_nabla_b)]
        m = len(mini_batch)
        # L2 weight decay (section 3.2): w -> (1 - eta*lmbda/n) w - (eta/m) sum nabla_w.
        self.weights = [(1 - eta * lmbda / n) * w - (eta / m) * nw for w, nw in zip(self.weights, nabla_w)]
        self.biases = [b - (eta / m) * nb for b, nb in zip(self.biases, nabla_b)]

    def backprop(self, x, y):
        """The four equations of backpropagation for one example."""
        nabla_w = [None] * len(self.weights)
        nabla_b = [None] * len(self.biases)
        activations = [x]
        zs = []
        for w, b in zip(self.weights, self.biases):
            z = np.dot(w, activations[-1]) + b
            zs.append(z)
            activations.append(sigmoid(z))
        delta = self.cost.delta(zs[-1], activations[-1], y)
        nabla_w[-1] = np.dot(delta, activations[-2].transpose())
        nabla_b[-1] = delta
        for l in range(2, len(self.sizes)):
            delta = np.dot(self.weights[-l + 1].transpose(), delta) * sigmoid_prime(zs[-l])
            nabla_w[-l] = np.dot(delta, activations[-l - 1].transpose())
            nabla_b[-l] = delta
        return nabla_w, nabla_b

    def save(self, filename):
        data = {
            "sizes": self.sizes,
            "weights": [w.tolist() for w in self.weights],
            "biases": [b.tolist() for b in self.biases],
            "cost": self.cost.__name__,
        }
        with open(filename, "w") as f:
            json.dump(data, f)


def load(filename):
    with open(filename) as f:
        data = json.load(f)
    sizes = data["sizes"]
    weights = [np.array(w, dtype=float) for w in data["weights"]]
    biases = [np.array(b, dtype=float) for b in data["biases"]]
    for l in range(len(sizes) - 1):
        assert weights[l].shape == (sizes[l + 1], sizes[l]), f"weights[{l}] has shape {weights[l].shape}"
        assert biases[l].shape == (sizes[l + 1], 1), f"biases[{l}] has shape {biases[l].shape}"
    return Network(sizes, COSTS[data["cost"]], weights, biases)


def initial_network(sizes, seed, cost):
    """network2.py's default_weight_initializer: N(0, 1) biases, N(0, 1/sqrt(n_in)) weights."""
    rng = np.random.default_rng(seed)
    biases = [rng.standard_normal((y, 1)) for y in sizes[1:]]
    weights = [rng.standard_normal((y, x)) / np.sqrt(x) for x, y in zip(sizes[:-1], sizes[1:])]
    return Network(sizes, cost, weights, biases)


def load_data(filename):
    with open(filename) as f:
        data = json.load(f)
    xs = [np.array(x, dtype=float).reshape(-1, 1) for x in data["x"]]
    ys = [np.array(y, dtype=float).reshape(-1, 1) for y in data.get("y", [[]] * len(xs))]
    return list(zip(xs, ys))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init")
    init.add_argument("sizes", help="comma-separated, e.g. 20,8,3")
    init.add_argument("--seed", type=int, required=True)
    init.add_argument("--cost", choices=COSTS, default="CrossEntropyCost")
    init.add_argument("--out", required=True)
    predict = commands.add_parser("predict")
    predict.add_argument("net")
    predict.add_argument("data")
    train = commands.add_parser("train")
    train.add_argument("net")
    train.add_argument("data")
    train.add_argument("--epochs", type=int, required=True)
    train.add_argument("--batch", type=int, required=True)
    train.add_argument("--eta", type=float, required=True)
    train.add_argument("--lambda", dest="lmbda", type=float, default=0.0)
    train.add_argument("--cost", choices=COSTS, help="overrides the cost saved in NET.json")
    train.add_argument("--out", required=True)
    args = parser.parse_args(argv)

    if args.command == "init":
        sizes = [int(s) for s in args.sizes.split(",")]
        initial_network(sizes, args.seed, COSTS[args.cost]).save(args.out)
    elif args.command == "predict":
        net = load(args.net)
        outputs = [net.feedforward(x).ravel().tolist() for x, _ in load_data(args.data)]
        json.dump({"outputs": outputs}, sys.stdout)
    elif args.command == "train":
        net = load(args.net)
        if args.cost:
            net.cost = COSTS[args.cost]
        net.SGD(load_data(args.data), args.epochs, args.batch, args.eta, args.lmbda)
        net.save(args.out)


if __name__ == "__main__":
    main(sys.argv[1:])
