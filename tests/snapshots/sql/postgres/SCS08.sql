WITH "t23" AS (
  SELECT
    "t22"."missing_id",
    "t20"."district",
    MAKE_DATE(
      CAST(EXTRACT(year FROM "t22"."end_date") AS INT),
      CAST(EXTRACT(month FROM "t22"."end_date") AS INT),
      CAST(1 AS INT)
    ) AS "month",
    CAST(CASE WHEN "t22"."interview_date" IS NOT NULL THEN 1 ELSE 0 END AS BIGINT) AS "numerator",
    1 AS "denominator"
  FROM (
    SELECT
      *
    FROM (
      SELECT
        "t8"."missing_id",
        "t8"."child_id",
        "t8"."start_date",
        "t8"."end_date",
        "t8"."interview_date",
        "t10"."date_of_birth",
        "t10"."sex",
        "t10"."uasc",
        "t10"."family_id"
      FROM "missing_episodes" AS "t8"
      INNER JOIN "children" AS "t10"
        ON "t8"."child_id" = "t10"."child_id"
    ) AS "t18"
    WHERE
      "t18"."end_date" IS NOT NULL
      AND (
        (
          CAST(EXTRACT(year FROM "t18"."start_date") AS BIGINT) - CAST(EXTRACT(year FROM "t18"."date_of_birth") AS BIGINT)
        ) - CAST(CASE
          WHEN (
            (
              EXTRACT(month FROM "t18"."start_date") * 100
            ) + EXTRACT(day FROM "t18"."start_date")
          ) < (
            (
              EXTRACT(month FROM "t18"."date_of_birth") * 100
            ) + EXTRACT(day FROM "t18"."date_of_birth")
          )
          THEN 1
          ELSE 0
        END AS BIGINT)
      ) < 18
  ) AS "t22"
  INNER JOIN (
    SELECT
      "t15"."district",
      "t9"."child_id" AS "case_child",
      "t9"."start_date" AS "case_start",
      "t9"."end_date" AS "case_end"
    FROM "cin_episodes" AS "t9"
    LEFT OUTER JOIN (
      SELECT
        "t2"."team_id",
        "t2"."district",
        "t2"."kind" AS "team_kind"
      FROM "teams" AS "t2"
    ) AS "t15"
      ON "t9"."team_id" = "t15"."team_id"
  ) AS "t20"
    ON "t22"."child_id" = "t20"."case_child"
    AND "t20"."case_start" <= "t22"."start_date"
    AND COALESCE("t20"."case_end", MAKE_DATE(CAST(9999 AS INT), CAST(12 AS INT), CAST(31 AS INT))) > "t22"."start_date"
)
SELECT
  *
FROM (
  SELECT
    "t13"."month",
    "t17"."area",
    (
      CAST(COALESCE(CAST("t34"."numerator" AS DOUBLE PRECISION), 0.0) AS DOUBLE PRECISION) / NULLIF(COALESCE(CAST("t34"."denominator" AS DOUBLE PRECISION), 0.0), 0)
    ) * 100.0 AS "value",
    COALESCE(CAST("t34"."numerator" AS DOUBLE PRECISION), 0.0) AS "numerator",
    COALESCE(CAST("t34"."denominator" AS DOUBLE PRECISION), 0.0) AS "denominator"
  FROM (
    SELECT
      "t0"."month"
    FROM "memtable_1" AS "t0"
  ) AS "t13"
  CROSS JOIN (
    SELECT
      *
    FROM "memtable_2" AS "t1"
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        "t2"."district" AS "area"
      FROM "teams" AS "t2"
      WHERE
        "t2"."district" IS NOT NULL
    ) AS "t14"
  ) AS "t17"
  LEFT OUTER JOIN (
    SELECT
      "t32"."month",
      "t32"."area",
      SUM("t32"."n") OVER (
        PARTITION BY "t32"."area"
        ORDER BY "t32"."month" ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS "numerator",
      SUM("t32"."d") OVER (
        PARTITION BY "t32"."area"
        ORDER BY "t32"."month" ASC
        ROWS BETWEEN 11 preceding AND CURRENT ROW
      ) AS "denominator"
    FROM (
      SELECT
        "t7"."month",
        "t17"."area",
        COALESCE("t31"."n", 0) AS "n",
        COALESCE("t31"."d", 0) AS "d"
      FROM "memtable_3" AS "t7"
      CROSS JOIN (
        SELECT
          *
        FROM "memtable_2" AS "t1"
        UNION ALL
        SELECT
          *
        FROM (
          SELECT DISTINCT
            "t2"."district" AS "area"
          FROM "teams" AS "t2"
          WHERE
            "t2"."district" IS NOT NULL
        ) AS "t14"
      ) AS "t17"
      LEFT OUTER JOIN (
        SELECT
          "t29"."month",
          "t29"."area",
          SUM("t29"."numerator") AS "n",
          SUM("t29"."denominator") AS "d"
        FROM (
          SELECT DISTINCT
            *
          FROM (
            SELECT
              "t27"."missing_id",
              "t27"."month",
              "t27"."numerator",
              "t27"."denominator",
              "t27"."area"
            FROM (
              SELECT
                *
              FROM (
                SELECT
                  "t24"."missing_id",
                  "t24"."district",
                  "t24"."month",
                  "t24"."numerator",
                  "t24"."denominator",
                  '' AS "area"
                FROM "t23" AS "t24"
              ) AS "t25"
              UNION ALL
              SELECT
                *
              FROM (
                SELECT
                  "t24"."missing_id",
                  "t24"."district",
                  "t24"."month",
                  "t24"."numerator",
                  "t24"."denominator",
                  "t24"."district" AS "area"
                FROM "t23" AS "t24"
                WHERE
                  "t24"."district" IS NOT NULL
              ) AS "t26"
            ) AS "t27"
          ) AS "t28"
        ) AS "t29"
        GROUP BY
          1,
          2
      ) AS "t31"
        ON "t7"."month" = "t31"."month" AND "t17"."area" = "t31"."area"
    ) AS "t32"
  ) AS "t34"
    ON "t13"."month" = "t34"."month" AND "t17"."area" = "t34"."area"
) AS "t35"
ORDER BY
  "t35"."month" ASC,
  "t35"."area" ASC
