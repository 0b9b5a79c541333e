using System.Buffers.Binary;
using Grader.Sandbox.Running.Isolation;

namespace Grader.Sandbox.Tests.Running;

/// <summary>
/// The filter's decisions, by running its classic-BPF program in a small interpreter here (the kernel's
/// own verdicts are checked behaviourally in <see cref="SandboxIsolationTests"/>).
/// </summary>
public sealed class SeccompFilterTests
{
    private const uint Allow = 0x7FFF0000;
    private const uint Eperm = 0x00050001;
    private const uint Enosys = 0x00050026;
    private const uint KillProcess = 0x80000000;
    private const uint ArchI386 = 0x40000003;
    private const uint CloneNewUser = 0x10000000;
    private const uint CloneThreadFlags = 0x003D0F00; // what glibc's pthread_create passes

    private static readonly byte[] Program = SeccompFilter.Build();

    [Fact]
    public void Build_EveryDeniedCall_Eperm()
    {
        foreach (var (name, number) in SeccompFilter.Denied)
        {
            Assert.True(Run(SeccompFilter.ArchX8664, number) == Eperm, name);
        }
    }

    [Theory]
    [InlineData(0)]   // read
    [InlineData(9)]   // mmap
    [InlineData(39)]  // getpid
    [InlineData(202)] // futex
    [InlineData(231)] // exit_group
    [InlineData(334)] // rseq
    public void Build_OrdinaryCall_Allowed(int number) => Assert.Equal(Allow, Run(SeccompFilter.ArchX8664, number));

    [Fact]
    public void Build_OtherArchitecture_KillsTheProcess() => Assert.Equal(KillProcess, Run(ArchI386, 39));

    [Fact]
    public void Build_X32Call_Eperm() => Assert.Equal(Eperm, Run(SeccompFilter.ArchX8664, 0x40000000 | 39));

    [Fact]
    public void Build_CloneForAThread_AllowedButNotIntoANewNamespace()
    {
        Assert.Equal(Allow, Run(SeccompFilter.ArchX8664, 56, CloneThreadFlags));
        Assert.Equal(Eperm, Run(SeccompFilter.ArchX8664, 56, CloneThreadFlags | CloneNewUser));
        Assert.Equal(Eperm, Run(SeccompFilter.ArchX8664, 56, 0x40000000 | 17)); // CLONE_NEWNET | SIGCHLD
    }

    [Fact]
    public void Build_Clone3_EnosysSoThatLibcFallsBackToClone() => Assert.Equal(Enosys, Run(SeccompFilter.ArchX8664, 435));

    /// <summary>Runs the program on a seccomp_data of (nr, arch, args[0]).</summary>
    private static uint Run(uint arch, int number, uint firstArgument = 0)
    {
        var data = new byte[64];
        BinaryPrimitives.WriteInt32LittleEndian(data, number);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(4), arch);
        BinaryPrimitives.WriteUInt32LittleEndian(data.AsSpan(16), firstArgument);
        uint accumulator = 0;
        for (var pc = 0; pc * 8 < Program.Length; pc++)
        {
            var instruction = Program.AsSpan(pc * 8, 8);
            var code = BinaryPrimitives.ReadUInt16LittleEndian(instruction);
            var k = BinaryPrimitives.ReadUInt32LittleEndian(instruction[4..]);
            bool? jump = code switch
            {
                0x20 => null,
                0x06 => null,
                0x15 => accumulator == k,
                0x35 => accumulator >= k,
                0x45 => (accumulator & k) != 0,
                _ => throw new InvalidOperationException($"unexpected BPF opcode 0x{code:X}"),
            };
            switch (code)
            {
                case 0x20:
                    accumulator = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan((int)k));
                    break;
                case 0x06:
                    return k;
                default:
                    pc += jump == true ? instruction[2] : instruction[3];
                    break;
            }
        }

        throw new InvalidOperationException("the program ran off its end");
    }
}
