# Generates the course notebook's lstm_cell_forward test draws (Sequence Models, week 1,
# "Building a recurrent neural network step by step") as an Unroll lesson and a JSON of the
# ten example columns. Not part of the build or the test run: run it once with numpy
#   python3 Tests/Fixtures/lstm_cell_forward/generate.py
# and commit its two outputs. The test (LessonsTests/NotebookLSTMTests.swift) loads them.
import json, os
import numpy as np

np.random.seed(1)
xt = np.random.randn(3, 10)
a_prev = np.random.randn(5, 10)
c_prev = np.random.randn(5, 10)
Wf = np.random.randn(5, 5 + 3); bf = np.random.randn(5, 1)
Wi = np.random.randn(5, 5 + 3); bi = np.random.randn(5, 1)
Wo = np.random.randn(5, 5 + 3); bo = np.random.randn(5, 1)
Wc = np.random.randn(5, 5 + 3); bc = np.random.randn(5, 1)
Wy = np.random.randn(2, 5); by = np.random.randn(2, 1)

here = os.path.dirname(os.path.abspath(__file__))
num = lambda v: repr(float(v))
vec = lambda v: "[" + ", ".join(num(x) for x in np.ravel(v)) + "]"
mat = lambda m: "[" + ", ".join(vec(r) for r in m) + "]"
j = 0
lesson = f"""# Written by generate.py: the course notebook's lstm_cell_forward test (np.random.seed(1)),
# example column {j}. Wi, bi and Wy are the notebook's names for Wu, bu and Wya.
title: {{en: "The notebook's lstm_cell_forward test, column {j}", zh: "笔记本中 lstm_cell_forward 的测试，第 {j} 列"}}
model:
  cell: lstm
  n_x: 3
  n_a: 5
  n_y: 2
  g2: softmax
  weights:
    Wf: {mat(Wf)}
    bf: {vec(bf)}
    Wi: {mat(Wi)}
    bi: {vec(bi)}
    Wc: {mat(Wc)}
    bc: {vec(bc)}
    Wo: {mat(Wo)}
    bo: {vec(bo)}
    Wy: {mat(Wy)}
    by: {vec(by)}
  a0: {vec(a_prev[:, j])}
  c0: {vec(c_prev[:, j])}
architecture: one-to-one
sequence:
  x: [{vec(xt[:, j])}]
  length: 1
script:
  - say: {{en: "One LSTM step of the notebook's test.", zh: "笔记本测试中的一步 LSTM。"}}
"""
open(os.path.join(here, "lesson.yaml"), "w").write(lesson)
json.dump({"xt": xt.tolist(), "a_prev": a_prev.tolist(), "c_prev": c_prev.tolist()},
          open(os.path.join(here, "columns.json"), "w"), indent=1)
