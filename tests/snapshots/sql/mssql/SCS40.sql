WITH [t13] AS (
  SELECT
    [t12].[snapshot_date],
    [t12].[post_id],
    [t12].[team_id],
    [t12].[fte],
    [t12].[case_holding],
    [t12].[filled],
    [t12].[qualified],
    [t12].[permanent],
    [t12].[team_id_right],
    [t12].[district],
    [t12].[team_kind],
    DATEFROMPARTS(DATEPART(year, [t12].[snapshot_date]), DATEPART(month, [t12].[snapshot_date]), 1) AS [month]
  FROM (
    SELECT
      [t4].[snapshot_date],
      [t4].[post_id],
      [t4].[team_id],
      [t4].[fte],
      [t4].[case_holding],
      [t4].[filled],
      [t4].[qualified],
      [t4].[permanent],
      [t9].[team_id] AS [team_id_right],
      [t9].[district],
      [t9].[team_kind]
    FROM [posts] AS [t4]
    LEFT OUTER JOIN (
      SELECT
        [t2].[team_id],
        [t2].[district],
        [t2].[kind] AS [team_kind]
      FROM [teams] AS [t2]
    ) AS [t9]
      ON [t4].[team_id] = [t9].[team_id]
  ) AS [t12]
), [t18] AS (
  SELECT
    [t15].[snapshot_date],
    [t15].[post_id],
    [t15].[team_id],
    [t15].[fte],
    [t15].[case_holding],
    [t15].[filled],
    [t15].[qualified],
    [t15].[permanent],
    [t15].[team_id_right],
    [t15].[district],
    [t15].[team_kind],
    [t15].[month],
    [t17].[latest]
  FROM [t13] AS [t15]
  INNER JOIN (
    SELECT
      [t14].[month],
      MAX([t14].[snapshot_date]) AS [latest]
    FROM [t13] AS [t14]
    GROUP BY
      [t14].[month]
  ) AS [t17]
    ON [t15].[month] = [t17].[month] AND [t15].[snapshot_date] = [t17].[latest]
)
SELECT
  [t25].[month],
  [t25].[area],
  [t25].[value],
  [t25].[numerator],
  [t25].[denominator]
FROM (
  SELECT
    [t7].[month],
    [t11].[area],
    (
      CAST(COALESCE([t24].[numerator], 0.0) AS FLOAT) / NULLIF(COALESCE([t24].[denominator], 0.0), 0)
    ) * 100.0 AS [value],
    COALESCE([t24].[numerator], 0.0) AS [numerator],
    COALESCE([t24].[denominator], 0.0) AS [denominator]
  FROM (
    SELECT
      [t0].[month]
    FROM [memtable_1] AS [t0]
  ) AS [t7]
  CROSS JOIN (
    SELECT
      *
    FROM [memtable_2] AS [t1]
    UNION ALL
    SELECT
      *
    FROM (
      SELECT DISTINCT
        [t2].[district] AS [area]
      FROM [teams] AS [t2]
      WHERE
        [t2].[district] IS NOT NULL
    ) AS [t8]
  ) AS [t11]
  LEFT OUTER JOIN (
    SELECT
      [t22].[month],
      [t22].[area],
      SUM([t22].[numerator]) AS [numerator],
      SUM([t22].[denominator]) AS [denominator]
    FROM (
      SELECT
        *
      FROM (
        SELECT
          [t19].[month],
          [t19].[district],
          IIF(
            [t19].[filled] <> 0 AND [t19].[qualified] <> 0 AND [t19].[permanent] <> 0,
            [t19].[fte],
            0.0
          ) AS [numerator],
          [t19].[fte] AS [denominator],
          '' AS [area]
        FROM [t18] AS [t19]
        WHERE
          [t19].[case_holding] <> 0
      ) AS [t20]
      UNION ALL
      SELECT
        *
      FROM (
        SELECT
          [t19].[month],
          [t19].[district],
          IIF(
            [t19].[filled] <> 0 AND [t19].[qualified] <> 0 AND [t19].[permanent] <> 0,
            [t19].[fte],
            0.0
          ) AS [numerator],
          [t19].[fte] AS [denominator],
          [t19].[district] AS [area]
        FROM [t18] AS [t19]
        WHERE
          [t19].[case_holding] <> 0 AND [t19].[district] IS NOT NULL
      ) AS [t21]
    ) AS [t22]
    GROUP BY
      [t22].[month],
      [t22].[area]
  ) AS [t24]
    ON [t7].[month] = [t24].[month] AND [t11].[area] = [t24].[area]
) AS [t25]
ORDER BY
  CASE WHEN [t25].[month] IS NULL THEN 1 ELSE 0 END, [t25].[month] ASC,
  CASE WHEN [t25].[area] IS NULL THEN 1 ELSE 0 END, [t25].[area] ASC
