use std::io::Write;
use std::process::ExitCode;

use clap::CommandFactory;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete for.
    #[arg(value_enum)]
    shell: clap_complete::Shell,
}

pub fn run(args: Args) -> anyhow::Result<ExitCode> {
    // Into memory first: clap_complete panics when its writer fails, and a
    // closed pipe must end quietly like any other command's output.
    let mut script = Vec::new();
    clap_complete::generate(
        args.shell,
        &mut super::Cli::command(),
        "chronik",
        &mut script,
    );
    std::io::stdout().lock().write_all(&script)?;
    Ok(ExitCode::SUCCESS)
}
