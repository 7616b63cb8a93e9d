package cn.shuangkong.rules.majorhazard;

import java.math.BigDecimal;

/**
 * How one chemical counted.
 *
 * @param name                   the catalogue name (Table 1), or the name given for a Table-2 chemical
 * @param cas                    the CAS number, when known
 * @param tableOneRow            its row in GB 18218-2018 Table 1, or null when Q came from Table 2
 * @param hazardSymbol           the Table-2 symbol that gave the lowest Q, or null for a Table-1 chemical
 * @param quantityTonnes         q
 * @param criticalQuantityTonnes Q
 * @param ratio                  q / Q
 * @param beta                   β (Table 3 for the named toxic gases, else Table 4 by symbol)
 * @param betaSource             where β came from, e.g. {@code GB 18218-2018 表3} or {@code GB 18218-2018 表4 W5.1}
 */
public record ChemicalResult(String name, String cas, Integer tableOneRow, String hazardSymbol, BigDecimal quantityTonnes,
                             BigDecimal criticalQuantityTonnes, BigDecimal ratio, BigDecimal beta, String betaSource) {
}
