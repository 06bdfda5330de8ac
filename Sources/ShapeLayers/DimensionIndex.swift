/// Wraps a possibly negative dimension index as PyTorch does: `-1` is the last dimension, and a
/// scalar accepts the indexes of a one-dimensional tensor.
///
/// - Returns: the index counted from 0, or nil when it is outside `-rank ..< rank`.
public func wrapDimensionIndex(_ index: Int, rank: Int) -> Int? {
  let effectiveRank = max(rank, 1)
  guard index >= -effectiveRank, index < effectiveRank else { return nil }
  return index < 0 ? index + effectiveRank : index
}

/// The message for a dimension index outside the input's range, in PyTorch's terms.
func dimensionRangeMessage(argument: String, index: Int, rank: Int, layerName: String) -> String {
  let effectiveRank = max(rank, 1)
  return "'\(argument)=\(index)' of '\(layerName)' is out of range for an input with \(rank) "
    + "dimension\(rank == 1 ? "" : "s"); it must be in -\(effectiveRank)...\(effectiveRank - 1)"
}
