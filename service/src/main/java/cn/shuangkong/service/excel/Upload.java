package cn.shuangkong.service.excel;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import org.springframework.web.multipart.MultipartFile;

/** An uploaded file: its name as the client gave it, its bytes (at most the multipart limit), their SHA-256. */
public record Upload(String fileName, byte[] content, String sha256) {

    public static Upload of(MultipartFile file) {
        if (file == null || file.isEmpty()) {
            throw SpreadsheetRejected.file("上传的文件为空");
        }
        try {
            byte[] content = file.getBytes();
            String name = file.getOriginalFilename();
            if (name != null && name.length() > 255) {
                name = name.substring(name.length() - 255);
            }
            return new Upload(name, content, sha256(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
