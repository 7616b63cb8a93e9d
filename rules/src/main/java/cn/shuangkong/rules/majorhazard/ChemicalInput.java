package cn.shuangkong.rules.majorhazard;

import java.math.BigDecimal;
import java.util.List;

/**
 * One hazardous chemical of a unit: named (a Table-1 name or alias) or identified by CAS, or, when it is not
 * in Table 1, by its hazard symbols (J1…J5, W1.1…W11 of Table 2); {@code quantityTonnes} is q, the design
 * maximum quantity present (§4.2.2). Hazard symbols of a Table-1 chemical give its β through Table 4.
 */
public record ChemicalInput(String name, String cas, List<String> hazardSymbols, BigDecimal quantityTonnes) {

    public ChemicalInput {
        hazardSymbols = hazardSymbols == null ? List.of() : List.copyOf(hazardSymbols);
    }
}
