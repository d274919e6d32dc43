print("unroll")
