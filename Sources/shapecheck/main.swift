import Foundation
import ShapeCheckKit

// The only place that exits: run the command line and map the outcome to an exit status.
let status = CommandLineTool.run(Array(CommandLine.arguments.dropFirst()))
exit(status.rawValue)
