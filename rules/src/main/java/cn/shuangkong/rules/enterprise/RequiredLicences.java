package cn.shuangkong.rules.enterprise;

import java.io.ByteArrayInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Which licences (行政许可) an enterprise of an industry must hold ({@code required-licences.tsv}, default policy with
 * the legal basis of each row), and how many of them an enterprise lacks or holds only expired.
 */
final class RequiredLicences {

    private static final Set<String> KINDS = Set.of("SAFETY_PRODUCTION", "HAZCHEM_OPERATION", "HAZCHEM_USE", "FIREWORKS_OPERATION", "OTHER");

    /** One requirement: an enterprise of {@code industry} must hold one of {@code kinds}. */
    record Requirement(String industry, List<String> kinds, String label, String basis) {
    }

    /** @param missing  requirements with no licence recorded; @param notValid requirements whose licences are all expired or not yet valid */
    record Status(int missing, int notValid) {
    }

    private final List<Requirement> requirements;

    private RequiredLicences(List<Requirement> requirements) {
        this.requirements = List.copyOf(requirements);
    }

    static RequiredLicences parse(byte[] tsv) {
        List<Requirement> requirements = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new ByteArrayInputStream(tsv), StandardCharsets.UTF_8))) {
            String line;
            boolean header = true;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                if (header) {
                    header = false;
                    continue;
                }
                String[] cells = line.split("\t", -1);
                if (cells.length != 4) {
                    throw new IllegalStateException("required-licences.tsv line " + number + ": 4 cells expected, found " + cells.length);
                }
                List<String> kinds = Arrays.stream(cells[1].split("\\|")).map(String::strip).toList();
                if (!IndicatorCode.INDUSTRY.categories().contains(cells[0]) || !KINDS.containsAll(kinds)) {
                    throw new IllegalStateException("required-licences.tsv line " + number + ": unknown industry or licence kind");
                }
                requirements.add(new Requirement(cells[0], kinds, cells[2], cells[3]));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new RequiredLicences(requirements);
    }

    List<Requirement> of(String industry) {
        return requirements.stream().filter(r -> r.industry().equals(industry)).toList();
    }

    Status status(String industry, List<EnterpriseFacts.Licence> licences, LocalDate asOf) {
        int missing = 0;
        int notValid = 0;
        for (Requirement requirement : of(industry)) {
            List<EnterpriseFacts.Licence> held = licences.stream().filter(l -> requirement.kinds().contains(l.kind())).toList();
            if (held.isEmpty()) {
                missing++;
            } else if (held.stream().noneMatch(l -> !l.validFrom().isAfter(asOf) && !l.validTo().isBefore(asOf))) {
                notValid++;
            }
        }
        return new Status(missing, notValid);
    }
}
