/// `nn.Conv1d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
/// groups=1, bias=True, padding_mode='zeros')`: a 1-D cross-correlation over `[N, C, L]` or
/// `[C, L]`.
public struct Conv1dKind: ConvolutionKind {
  public init() {}
  public let name = "Conv1d"
  public let spatialRank = 1
  public let arguments = Conv1dKind.convolutionArguments(spatialRank: 1)
  public let relationship =
    "the channel dimension changes from in_channels to out_channels; L becomes "
    + "(L + 2·padding − dilation·(kernel_size − 1) − 1) // stride + 1; weight is "
    + "[out_channels, in_channels / groups, kernel_size]"
}
