/// `nn.Conv2d(in_channels, out_channels, kernel_size, stride=1, padding=0, dilation=1,
/// groups=1, bias=True, padding_mode='zeros')`: a 2-D cross-correlation over `[N, C, H, W]`
/// or `[C, H, W]`.
public struct Conv2dKind: ConvolutionKind {
  public init() {}
  public let name = "Conv2d"
  public let spatialRank = 2
  public let arguments = Conv2dKind.convolutionArguments(spatialRank: 2)
  public let relationship =
    "the channel dimension changes from in_channels to out_channels; each of H and W becomes "
    + "(size + 2·padding − dilation·(kernel_size − 1) − 1) // stride + 1; weight is "
    + "[out_channels, in_channels / groups, kernel_size[0], kernel_size[1]]"
}
