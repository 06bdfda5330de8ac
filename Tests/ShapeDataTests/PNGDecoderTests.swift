import ShapeData
import Testing

/// The images made by scripts/make_png_test_inputs.py. Each NAME.gray contains the bytes of
/// Pillow 13.0.0's `np.asarray(Image.open(NAME.png).convert("L"))`.
let pillowReferenceImages: [String] = {
  var names = [
    "gray16_edges", "tiny_adam7", "small_adam7", "palette_trns", "gray_trns_split_idat",
    "rgb_extremes",
  ]
  let depths = [0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16]]
  for (colorType, bitDepths) in depths.sorted(by: { $0.key < $1.key }) {
    for bitDepth in bitDepths {
      names.append("type\(colorType)_depth\(bitDepth)")
      names.append("type\(colorType)_depth\(bitDepth)_adam7")
    }
  }
  return names
}()

@Suite struct PNGDecoderTests {
  @Test(arguments: pillowReferenceImages)
  func matchesPillow(name: String) throws {
    let image = try PNGDecoder.decodeGrayscale(try inputBytes("png/\(name).png"))
    let expected = try inputBytes("png/\(name).gray")
    #expect(image.width * image.height == expected.count)
    #expect(image.pixels == expected)
  }

  @Test func sixteenBitGrayIsClamped() throws {
    // The first row starts with the samples 0, 255, 256 and 65535.
    let image = try PNGDecoder.decodeGrayscale(try inputBytes("png/gray16_edges.png"))
    #expect(image.width == 6)
    #expect(image.height == 5)
    #expect(Array(image.pixels.prefix(4)) == [0, 255, 255, 255])
  }

  @Test func rgbLumaRounding() throws {
    let image = try PNGDecoder.decodeGrayscale(try inputBytes("png/rgb_extremes.png"))
    // Red, green, blue, white, (1,1,1), gray 128, (3,7,1), (254,1,100).
    #expect(image.pixels == [76, 150, 29, 255, 1, 128, 5, 88])
  }

  @Test func allFilterTypesDecoded() throws {
    // Every generated image cycles through filter types 0...4 row by row.
    let image = try PNGDecoder.decodeGrayscale(try inputBytes("png/type0_depth8.png"))
    #expect(image.pixels == (try inputBytes("png/type0_depth8.gray")))
    #expect(image.height >= 5)
  }
}
