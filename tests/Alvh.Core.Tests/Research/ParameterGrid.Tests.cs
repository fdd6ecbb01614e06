using Alvh.Research;

namespace Alvh.Core.Tests.Research;

public class ParameterGridTests
{
    private static GridAxis Axis(string path, params double[] values) =>
        new(path, values.Select(v => new GridValue(v.ToString(System.Globalization.CultureInfo.InvariantCulture), v)).ToArray());

    [Fact]
    public void Run_ids_are_mixed_radix_positions_with_the_last_axis_fastest()
    {
        var grid = new ParameterGrid([Axis("a", 1, 2, 3), Axis("b", 10, 20)]);
        grid.Count.Should().Be(6);
        grid.Assignment(0).Select(v => v.Number).Should().Equal(1, 10);
        grid.Assignment(1).Select(v => v.Number).Should().Equal(1, 20);
        grid.Assignment(5).Select(v => v.Number).Should().Equal(3, 20);
        grid.RunIds().Should().Equal(0, 1, 2, 3, 4, 5);
    }

    [Fact]
    public void A_sample_is_seeded_distinct_and_sorted()
    {
        var grid = new ParameterGrid([Axis("a", Enumerable.Range(0, 100).Select(i => (double)i).ToArray()), Axis("b", 1, 2, 3)]);
        var first = grid.RunIds(sample: 50, seed: 7);
        first.Should().HaveCount(50).And.OnlyHaveUniqueItems().And.BeInAscendingOrder();
        grid.RunIds(sample: 50, seed: 7).Should().Equal(first);
        grid.RunIds(sample: 50, seed: 8).Should().NotEqual(first);
        grid.RunIds(sample: 1000).Should().HaveCount(300);
    }

    /// <summary>
    /// Every seed draws its own sample: System.Random(int), the sampler before, seeds its generator with the seed's
    /// absolute value, so --seed -5 drew exactly the ids of --seed 5 (and int.MinValue those of int.MaxValue).
    /// Uniform: over 2,000 seeds, 10 ids of a 100-point grid, each id is drawn 200 times on average; a binomial
    /// count (n = 2,000, p = 0.1, sd 13.4) outside 200 ± 6 sd (120..280) would be a 1-in-10^8 event per id.
    /// </summary>
    [Fact]
    public void Negative_seeds_draw_their_own_sample_and_draws_are_uniform()
    {
        var grid = new ParameterGrid([Axis("a", Enumerable.Range(0, 100).Select(i => (double)i).ToArray())]);
        grid.RunIds(sample: 10, seed: -5).Should().NotEqual(grid.RunIds(sample: 10, seed: 5));
        grid.RunIds(sample: 10, seed: int.MinValue).Should().NotEqual(grid.RunIds(sample: 10, seed: int.MaxValue));
        var counts = new int[100];
        for (int seed = -1000; seed < 1000; seed++)
        {
            foreach (long id in grid.RunIds(sample: 10, seed: seed)) counts[id]++;
        }
        counts.Should().OnlyContain(c => c >= 120 && c <= 280);
        // A grid past 2^31 points is sampled across its whole range (ids above int.MaxValue drawn).
        var huge = new ParameterGrid([Axis("a", Enumerable.Range(0, 100_000).Select(i => (double)i).ToArray()), Axis("b", Enumerable.Range(0, 100_000).Select(i => (double)i).ToArray())]);
        huge.RunIds(sample: 100, seed: 3).Should().HaveCount(100).And.OnlyHaveUniqueItems().And.Contain(id => id > int.MaxValue);
    }

    [Fact]
    public void Duplicate_or_empty_axes_are_rejected()
    {
        FluentActions.Invoking(() => new ParameterGrid([Axis("a", 1), Axis("A", 2)])).Should().Throw<ArgumentException>().WithMessage("*given twice*");
        FluentActions.Invoking(() => new ParameterGrid([new GridAxis("a", [])])).Should().Throw<ArgumentException>().WithMessage("a: no values*");
    }

    [Fact]
    public void Derived_seeds_depend_on_seed_and_index_only()
    {
        Seeds.Derive(1, 5).Should().Be(Seeds.Derive(1, 5));
        Enumerable.Range(0, 1000).Select(i => Seeds.Derive(1, i)).Should().OnlyHaveUniqueItems();
        Seeds.Derive(2, 5).Should().NotBe(Seeds.Derive(1, 5));
        // 64 bits: a million paths share no seed (with the 31 bits kept before, about 230 pairs would).
        var seeds = new HashSet<ulong>();
        for (int i = 0; i < 1_000_000; i++) seeds.Add(Seeds.Derive(7, i));
        seeds.Should().HaveCount(1_000_000);
        Enumerable.Range(0, 64).Select(i => Seeds.Derive(7, i)).Should().Contain(s => s > uint.MaxValue, "the high bits are used");
    }
}
