/// A reason why the embedding kernel rejected its arguments.
public enum EmbeddingError: Error, Equatable, CustomStringConvertible {
  /// The weight is not a matrix `[num_embeddings, embedding_dim]`.
  case invalidWeightShape(shape: [Int])
  /// An index is NaN, infinite or has a fractional part.
  case nonIntegerIndex(value: Float, position: Int)
  /// An index is negative or not below the number of embeddings.
  case indexOutOfRange(value: Float, position: Int, numEmbeddings: Int)
  /// The output element count overflows `Int`.
  case outputTooLarge(indices: [Int], embeddingDim: Int)

  /// A lowercase message that names the values involved.
  public var description: String {
    switch self {
    case .invalidWeightShape(let shape):
      return "weight shape \(shape) is invalid; expected [num_embeddings, embedding_dim]"
    case .nonIntegerIndex(let value, let position):
      return "index \(value) at position \(position) is not an integer"
    case .indexOutOfRange(let value, let position, let numEmbeddings):
      return "index \(value) at position \(position) is out of range; expected 0 to "
        + "\(numEmbeddings - 1)"
    case .outputTooLarge(let indices, let embeddingDim):
      return "indices shape \(indices) with embedding dim \(embeddingDim) has too many elements"
    }
  }
}
