print("shapecheck")
