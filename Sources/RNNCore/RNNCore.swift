// RNNCore
