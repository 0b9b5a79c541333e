using System.Buffers.Binary;

namespace Grader.Sandbox.Running.Isolation;

/// <summary>
/// The classic-BPF seccomp program bubblewrap installs on the runner (<c>--seccomp FD</c>): only the
/// x86-64 system-call ABI, and EPERM for calls that reach into the kernel's riskier corners (debugging
/// other processes, BPF, mounts, namespaces, keyrings, io_uring, userfaultfd, perf, modules, kexec,
/// clocks, …). Nothing a .NET runtime or libtorch on the CPU needs is among them.
/// </summary>
internal static class SeccompFilter
{
    /// <summary>AUDIT_ARCH_X86_64: EM_X86_64 | __AUDIT_ARCH_64BIT | __AUDIT_ARCH_LE.</summary>
    public const uint ArchX8664 = 0xC000003E;

    /// <summary>Denied calls (x86-64 numbers), each answered with EPERM.</summary>
    public static readonly IReadOnlyList<(string Name, int Number)> Denied =
    [
        ("ptrace", 101), ("process_vm_readv", 310), ("process_vm_writev", 311), ("pidfd_getfd", 438), ("kcmp", 312),
        ("bpf", 321), ("perf_event_open", 298), ("userfaultfd", 323),
        ("io_uring_setup", 425), ("io_uring_enter", 426), ("io_uring_register", 427),
        ("mount", 165), ("umount2", 166), ("pivot_root", 155), ("chroot", 161), ("mount_setattr", 442),
        ("open_tree", 428), ("move_mount", 429), ("fsopen", 430), ("fsconfig", 431), ("fsmount", 432), ("fspick", 433),
        ("unshare", 272), ("setns", 308),
        ("keyctl", 250), ("add_key", 248), ("request_key", 249),
        ("init_module", 175), ("finit_module", 313), ("delete_module", 176), ("kexec_load", 246), ("kexec_file_load", 320),
        ("name_to_handle_at", 303), ("open_by_handle_at", 304), ("fanotify_init", 300), ("lookup_dcookie", 212),
        ("acct", 163), ("swapon", 167), ("swapoff", 168), ("reboot", 169), ("quotactl", 179), ("quotactl_fd", 443),
        ("sethostname", 170), ("setdomainname", 171), ("iopl", 172), ("ioperm", 173), ("syslog", 103), ("vhangup", 153),
        ("settimeofday", 164), ("clock_settime", 227), ("adjtimex", 159), ("clock_adjtime", 305),
        ("uselib", 134), ("_sysctl", 156), ("nfsservctl", 180),
    ];

    private const int CloneNumber = 56;
    private const int Clone3Number = 435;

    /// <summary>System calls with this bit set are the x32 ABI: same arch value, other numbers. Denied wholesale.</summary>
    private const uint X32SyscallBit = 0x40000000;

    /// <summary>CLONE_NEWNS | NEWCGROUP | NEWUTS | NEWIPC | NEWUSER | NEWPID | NEWNET: clone() must not make namespaces.</summary>
    private const uint CloneNamespaceFlags = 0x7E020000;

    private const uint Eperm = 1;
    private const uint Enosys = 38;

    private const uint RetKillProcess = 0x80000000;
    private const uint RetErrno = 0x00050000;
    private const uint RetAllow = 0x7FFF0000;

    // struct seccomp_data { int nr; __u32 arch; __u64 instruction_pointer; __u64 args[6]; }
    private const uint NrOffset = 0;
    private const uint ArchOffset = 4;
    private const uint FirstArgumentLowOffset = 16;

    private const ushort LoadWordAbsolute = 0x20; // BPF_LD | BPF_W | BPF_ABS
    private const ushort JumpEqual = 0x15;        // BPF_JMP | BPF_JEQ | BPF_K
    private const ushort JumpGreaterEqual = 0x35; // BPF_JMP | BPF_JGE | BPF_K
    private const ushort JumpSet = 0x45;          // BPF_JMP | BPF_JSET | BPF_K
    private const ushort ReturnConstant = 0x06;   // BPF_RET | BPF_K

    /// <summary>The program as bubblewrap reads it: struct sock_filter[] in host byte order.</summary>
    public static byte[] Build()
    {
        var program = new Program();
        program.Load(ArchOffset);
        program.JumpIf(JumpEqual, ArchX8664, whenTrue: "arch-ok", whenFalse: "kill");
        program.Label("arch-ok");
        program.Load(NrOffset);
        program.JumpIf(JumpGreaterEqual, X32SyscallBit, whenTrue: "deny", whenFalse: null);

        // glibc falls back to clone() when clone3() is missing; clone3's flags sit in memory the filter
        // cannot read, while clone()'s are an argument it can check.
        program.JumpIf(JumpEqual, Clone3Number, whenTrue: "enosys", whenFalse: null);
        program.JumpIf(JumpEqual, CloneNumber, whenTrue: null, whenFalse: "not-clone");
        program.Load(FirstArgumentLowOffset);
        program.JumpIf(JumpSet, CloneNamespaceFlags, whenTrue: "deny", whenFalse: "allow");
        program.Label("not-clone");
        foreach (var (_, number) in Denied)
        {
            program.JumpIf(JumpEqual, (uint)number, whenTrue: "deny", whenFalse: null);
        }

        program.Label("allow");
        program.Return(RetAllow);
        program.Label("deny");
        program.Return(RetErrno | Eperm);
        program.Label("enosys");
        program.Return(RetErrno | Enosys);
        program.Label("kill");
        program.Return(RetKillProcess);
        return program.Assemble();
    }

    /// <summary>A tiny assembler: jumps name labels, resolved to the relative offsets BPF wants.</summary>
    private sealed class Program
    {
        private readonly List<(ushort Code, string? True, string? False, uint K)> instructions = [];
        private readonly Dictionary<string, int> labels = new(StringComparer.Ordinal);

        public void Load(uint offset) => instructions.Add((LoadWordAbsolute, null, null, offset));

        /// <summary>A null target falls through to the next instruction.</summary>
        public void JumpIf(ushort code, uint k, string? whenTrue, string? whenFalse) => instructions.Add((code, whenTrue, whenFalse, k));

        public void Return(uint value) => instructions.Add((ReturnConstant, null, null, value));

        public void Label(string name) => labels.Add(name, instructions.Count);

        public byte[] Assemble()
        {
            var bytes = new byte[instructions.Count * 8];
            for (var i = 0; i < instructions.Count; i++)
            {
                var (code, whenTrue, whenFalse, k) = instructions[i];
                var span = bytes.AsSpan(i * 8, 8);
                BinaryPrimitives.WriteUInt16LittleEndian(span, code);
                span[2] = Offset(i, whenTrue);
                span[3] = Offset(i, whenFalse);
                BinaryPrimitives.WriteUInt32LittleEndian(span[4..], k);
            }

            return bytes;
        }

        private byte Offset(int from, string? label)
        {
            if (label is null)
            {
                return 0;
            }

            var distance = labels[label] - from - 1;
            if (distance is < 0 or > byte.MaxValue)
            {
                throw new InvalidOperationException($"BPF jump from {from} to '{label}' is out of range ({distance}).");
            }

            return (byte)distance;
        }
    }
}
