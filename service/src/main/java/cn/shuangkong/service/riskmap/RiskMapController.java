package cn.shuangkong.service.riskmap;

import java.util.List;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.shuangkong.rules.Grade;
import cn.shuangkong.service.api.RiskMapApi;
import cn.shuangkong.service.api.model.RiskMapStatistics;
import cn.shuangkong.service.region.RegionDirectory;
import cn.shuangkong.service.security.CurrentUser;

/**
 * The regulator's four-colour picture (四色图) of its enterprises: a table by region and industry, and the map itself as
 * GeoJSON. The area is resolved and checked before anything is written, so a refusal is a plain problem response.
 */
@RestController
class RiskMapController implements RiskMapApi {

    private static final MediaType GEO_JSON = MediaType.parseMediaType("application/geo+json");

    private final RegionDirectory regions;
    private final RiskMapStatisticsQuery statistics;
    private final RiskMapFeatures features;

    RiskMapController(RegionDirectory regions, RiskMapStatisticsQuery statistics, RiskMapFeatures features) {
        this.regions = regions;
        this.statistics = statistics;
        this.features = features;
    }

    @Override
    public ResponseEntity<RiskMapStatistics> riskMapStatistics(String regionCode) {
        return ResponseEntity.ok(statistics.statistics(MapArea.of(CurrentUser.get(), regionCode, regions)));
    }

    @Override
    public ResponseEntity<StreamingResponseBody> riskMapGeoJson(String regionCode, List<cn.shuangkong.service.api.model.Grade> colour) {
        MapArea area = MapArea.of(CurrentUser.get(), regionCode, regions);
        List<Grade> colours = colour == null ? List.of() : colour.stream().map(c -> Grade.valueOf(c.getValue())).distinct().toList();
        // The body runs on another thread after this method returns: everything it needs is resolved here.
        return ResponseEntity.ok().contentType(GEO_JSON).body(out -> features.write(area, colours, out));
    }
}
