package cn.shuangkong.rules.majorhazard;

import java.util.List;

/** A production or storage unit, the people living within 500 m outside the plant boundary, and its chemicals. */
public record MajorHazardInput(UnitType unitType, Integer exposedPeople, List<ChemicalInput> chemicals) {

    public MajorHazardInput {
        chemicals = chemicals == null ? List.of() : List.copyOf(chemicals);
    }
}
