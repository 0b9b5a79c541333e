using System.Globalization;
using Grader.Sandbox.Running;

namespace Grader.Sandbox.Tests.Running;

/// <summary>
/// A learner solution that looks around inside the sandbox and reports what it saw on stderr, which the
/// host keeps as the run's logs (learner code cannot write anywhere else the host reads), then fails. It
/// uses what the compile policy would reject (files, environment, raw system calls through P/Invoke):
/// these tests check the layer below the policy.
/// </summary>
internal static class SandboxProbe
{
    public const string Marker = "PROBE ";

    /// <summary>Paths the probe reports as present or absent.</summary>
    public static readonly string[] Paths =
        ["/etc", "/sys", "/bin/sh", "/usr/bin/sh", "/usr/bin", "/usr/bin/env", "/home", "/root", "/var", "/runner", "/job", "/usr/share/dotnet"];

    /// <summary>System calls the probe makes with harmless arguments, by name and x86-64 number.</summary>
    public static readonly (string Name, int Number, long[] Arguments)[] Calls =
    [
        ("getpid", 39, []),
        ("ptrace", 101, [0]), // PTRACE_TRACEME: succeeds anywhere no filter denies it
        ("unshare", 272, [0x10000000]), // CLONE_NEWUSER
        ("setns", 308, [-1, 0]),
        ("mount", 165, [0, 0, 0, 0, 0]),
        ("umount2", 166, [0, 0]),
        ("bpf", 321, [0, 0, 0]),
        ("keyctl", 250, [0, 0]),
        ("add_key", 248, [0, 0, 0, 0, 0]),
        ("io_uring_setup", 425, [1, 0]),
        ("userfaultfd", 323, [0]),
        ("perf_event_open", 298, [0, 0, -1, -1, 0]),
        ("init_module", 175, [0, 0, 0]),
        ("finit_module", 313, [-1, 0, 0]),
        ("kexec_load", 246, [0, 0, 0, 0]),
        ("clone3", 435, [0, 0]),
    ];

    public static byte[] Assembly() => LearnerAssemblies.Compile($$"""
        using System;
        using System.Collections;
        using System.Collections.Generic;
        using System.IO;
        using System.Linq;
        using System.Runtime.InteropServices;
        using Grader.Sdk;
        using TorchSharp;
        using static TorchSharp.torch;

        public sealed class Solution : IMlpVsCnn
        {
            [DllImport("libc", SetLastError = true)]
            private static extern long syscall(long number, long a, long b, long c, long d, long e);

            public Solution()
            {
                var report = new List<string>();
                var status = File.ReadAllLines("/proc/self/status");
                string Status(string name) => status.First(l => l.StartsWith(name + ":")).Split(':', 2)[1].Trim();
                report.Add("uid=" + Status("Uid").Split('\t')[0]);
                report.Add("gid=" + Status("Gid").Split('\t')[0]);
                report.Add("groups=" + Status("Groups"));
                report.Add("capeff=" + Status("CapEff"));
                report.Add("capbnd=" + Status("CapBnd"));
                report.Add("nonewprivs=" + Status("NoNewPrivs"));
                report.Add("seccomp=" + Status("Seccomp"));
                report.Add("hostname=" + Environment.MachineName);
                report.Add("env=" + string.Join(",", Environment.GetEnvironmentVariables().Keys.Cast<string>().OrderBy(k => k, StringComparer.Ordinal)));
                foreach (var path in new[] { {{string.Join(", ", Paths.Select(p => $"\"{p}\""))}} })
                {
                    report.Add("exists:" + path + "=" + (File.Exists(path) || Directory.Exists(path)));
                }

                foreach (var line in File.ReadAllLines("/proc/self/limits").Skip(1))
                {
                    var name = line.Substring(0, 26).Trim();
                    var soft = line.Substring(26, 21).Trim();
                    report.Add("limit:" + name + "=" + soft);
                }

                {{string.Join("\n        ", Calls.Select(c => $"Call(report, \"{c.Name}\", {c.Number}, new long[] {{ {string.Join(", ", c.Arguments)} }});"))}}

                report.Add("tmp.entries=" + Directory.GetFileSystemEntries("/tmp").Length);
                long written = 0;
                var chunk = new byte[1024 * 1024];
                try
                {
                    using var file = new FileStream("/tmp/fill", FileMode.Create, FileAccess.Write);
                    while (written < 1024L * 1024 * 1024)
                    {
                        file.Write(chunk);
                        file.Flush(flushToDisk: true);
                        written += chunk.Length;
                    }
                }
                catch (IOException e)
                {
                    report.Add("tmp.error=" + e.Message.Replace(";", ","));
                }

                report.Add("tmp.written=" + written);
                Console.Error.WriteLine("{{Marker}}" + string.Join(";", report));
                throw new InvalidOperationException("probe finished");
            }

            private static void Call(List<string> report, string name, long number, long[] a)
            {
                var args = a.Concat(new long[6]).ToArray();
                var result = syscall(number, args[0], args[1], args[2], args[3], args[4]);
                report.Add("call:" + name + "=" + (result < 0 ? Marshal.GetLastPInvokeError() : 0));
            }

            public nn.Module<Tensor, Tensor> BuildMlp() => nn.Sequential(nn.Flatten(), nn.Linear(3072, 10));

            public nn.Module<Tensor, Tensor> BuildCnn() => nn.Sequential(nn.Conv2d(3, 4, 3), nn.Flatten(), nn.Linear(3600, 10));
        }
        """);

    /// <summary>The probe's report, parsed from the run's logs.</summary>
    public static IReadOnlyDictionary<string, string> Parse(RunnerOutcome outcome)
    {
        var line = outcome.Logs.Split('\n').FirstOrDefault(l => l.StartsWith(Marker, StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"no probe report: {outcome.Kind} {outcome.Message} {outcome.Failed}\n{outcome.Logs}");

        return line[Marker.Length..]
            .Split(';')
            .Select(entry => entry.Split('=', 2))
            .ToDictionary(p => p[0], p => p.Length > 1 ? p[1] : string.Empty, StringComparer.Ordinal);
    }

    public static long Number(IReadOnlyDictionary<string, string> report, string key) => long.Parse(report[key], CultureInfo.InvariantCulture);
}
