import ECSGenCLI
import Foundation

// The executable stays thin: all behaviour lives in ECSGenCLI, where tests can reach it.
exit(ECSGenCommand.main(arguments: Array(CommandLine.arguments.dropFirst())))
